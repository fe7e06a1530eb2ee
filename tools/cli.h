/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command-line helpers shared by the ringzero tools.
 */
#ifndef RZ_TOOLS_CLI_H
#define RZ_TOOLS_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Parse the options every tool takes: -j (JSON output, sets *@json) and
 * -h.  Returns the index of the command word; exits after -h (0) or a
 * usage error (2), having printed @usage.
 */
int rz_tool_options(int argc, char **argv, void (*usage)(FILE *f),
		    bool *json);

/* "aa:bb:cc:dd:ee:ff" into @mac; -1 if it is not one. */
int rz_parse_mac(const char *s, uint8_t *mac);

/* Print @s as a JSON string literal. */
void rz_json_string(const char *s);

#endif /* RZ_TOOLS_CLI_H */
