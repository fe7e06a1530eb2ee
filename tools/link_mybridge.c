// SPDX-License-Identifier: GPL-2.0
/*
 * link_mybridge.so: the iproute2 plugin for the link kind "mybridge".
 *
 * `ip` (iproute2 6.1) dlopens link_mybridge.so from its lib dir (IP_LIB_DIR
 * overrides it) and uses the struct link_util named mybridge_link_util:
 *
 *   IP_LIB_DIR=tools ip link add br0 type mybridge ageing 60
 *   IP_LIB_DIR=tools ip link set br0 type mybridge fdb_max_learned 1000
 *   IP_LIB_DIR=tools ip [-j] -d link show br0
 *
 * The options become the IFLA_MYBRIDGE_* attributes of uapi/mybridge.h;
 * a parameter not given keeps its value (at creation: the default).  What
 * the plugins share (struct link_util, the helpers of `ip`) is
 * ip_link_util.h.
 */
#include <mybridge.h>

#include "ip_link_util.h"

/* The room iplink.c leaves for the attributes of a request. */
#define MYBRIDGE_REQ_MAX	1024

/* The options: each a u32 attribute of at most MAX. */
static const struct {
	const char *opt;
	int attr;
	unsigned long max;
	const char *bad;		/* the message for a bad value */
} mybridge_opts[] = {
	{ "ageing", IFLA_MYBRIDGE_AGEING, MYBRIDGE_AGEING_MAX,
	  "invalid ageing time (0-1000000 seconds)" },
	{ "fdb_max_learned", IFLA_MYBRIDGE_FDB_MAX_LEARNED, 0xffffffffUL,
	  "invalid fdb_max_learned (0-4294967295)" },
};

static void print_explain(FILE *f)
{
	fprintf(f,
		"Usage: ... mybridge [ ageing SECONDS ]\n"
		"\t\t[ fdb_max_learned NUMBER ]\n"
		"\n"
		"Where:\tSECONDS\t:= 0-1000000, how long a learned FDB entry lives\n"
		"\t\t   without traffic (default 300; 0: it never ages)\n"
		"\tNUMBER\t:= 0-4294967295, the most learned FDB entries\n"
		"\t\t   (default 0: no limit)\n");
}

/* One option, at argv[*i]; its value is added to N. */
static int parse_one(int argc, char **argv, int *i, __u32 *seen,
		     struct nlmsghdr *n)
{
	const char *arg = argv[*i];
	__u32 val;
	size_t o;

	if (is_opt(arg, "help")) {
		print_explain(stderr);
		return -1;
	}
	for (o = 0; o < ARRAY_SIZE(mybridge_opts); o++) {
		if (!is_opt(arg, mybridge_opts[o].opt))
			continue;
		if (*seen & (1U << mybridge_opts[o].attr)) {
			fprintf(stderr, "mybridge: duplicate option \"%s\"\n",
				arg);
			return -1;
		}
		*seen |= 1U << mybridge_opts[o].attr;
		if (*i + 1 >= argc) {
			fprintf(stderr, "mybridge: \"%s\" needs an argument\n",
				arg);
			return -1;
		}
		arg = argv[++*i];
		if (parse_uint(arg, mybridge_opts[o].max, &val))
			return invalid(arg, mybridge_opts[o].bad);
		return ip.addattr32(n, MYBRIDGE_REQ_MAX, mybridge_opts[o].attr,
				    val);
	}
	fprintf(stderr, "mybridge: unknown option \"%s\"?\n", arg);
	print_explain(stderr);
	return -1;
}

static int mybridge_parse_opt(struct link_util *lu, int argc, char **argv,
			      struct nlmsghdr *n)
{
	__u32 seen = 0;
	int i;

	(void)lu;
	if (!ip_bind("mybridge"))
		return -1;
	for (i = 0; i < argc; i++)
		if (parse_one(argc, argv, &i, &seen, n) < 0)
			return -1;
	return 0;
}

static void mybridge_print_opt(struct link_util *lu, FILE *f,
			       struct rtattr *tb[])
{
	const __u32 *v;

	(void)lu;
	(void)f;
	if (!tb || !ip_bind("mybridge"))
		return;
	v = attr_data(tb, IFLA_MYBRIDGE_AGEING, sizeof(*v));
	if (v)
		ip.print_color_uint(PRINT_ANY, COLOR_NONE, "ageing",
				    "ageing %u ", *v);
	v = attr_data(tb, IFLA_MYBRIDGE_FDB_MAX_LEARNED, sizeof(*v));
	if (v)
		ip.print_color_uint(PRINT_ANY, COLOR_NONE, "fdb_max_learned",
				    "fdb_max_learned %u ", *v);
}

static void mybridge_print_help(struct link_util *lu, int argc, char **argv,
				FILE *f)
{
	(void)lu;
	(void)argc;
	(void)argv;
	print_explain(f);
}

struct link_util mybridge_link_util = {
	.id		= "mybridge",
	.maxattr	= IFLA_MYBRIDGE_MAX,
	.parse_opt	= mybridge_parse_opt,
	.print_opt	= mybridge_print_opt,
	.print_help	= mybridge_print_help,
};
