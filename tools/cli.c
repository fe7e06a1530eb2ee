// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line helpers shared by the ringzero tools.
 */
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

int rz_tool_options(int argc, char **argv, void (*usage)(FILE *f),
		    bool *json)
{
	int opt;

	while ((opt = getopt(argc, argv, "+jh")) != -1) {
		switch (opt) {
		case 'j':
			*json = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			exit(2);
		}
	}
	if (optind >= argc) {
		usage(stderr);
		exit(2);
	}
	return optind;
}

void rz_json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}
