/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the iproute2 plugins link_KIND.so (link_myvxlan.c, link_mybridge.c)
 * share: the structure `ip` reads from them and the helpers of `ip` they
 * call.  Each plugin includes this header once; everything here is static.
 *
 * `ip` (iproute2 6.1) dlopens link_KIND.so from its lib dir (IP_LIB_DIR
 * overrides it) and uses the struct link_util named KIND_link_util.
 *
 * No iproute2 headers or library exist to build against: the structure
 * `ip` reads is declared here as iproute2 6.1 defines it, and the few
 * helpers of `ip` used (netlink attributes, JSON output, interface names)
 * are looked up in the running `ip` by name, so that an `ip` without one
 * gives an error message rather than a failed symbol lookup.
 */
#ifndef _RZ_IP_LINK_UTIL_H
#define _RZ_IP_LINK_UTIL_H

#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

/*
 * iproute2 6.1, ip/ip_common.h.  72 bytes on x86-64, like the
 * vxlan_link_util that /usr/sbin/ip exports.
 */
struct link_util {
	struct link_util *next;
	const char *id;
	int maxattr;
	int (*parse_opt)(struct link_util *lu, int argc, char **argv,
			 struct nlmsghdr *n);
	void (*print_opt)(struct link_util *lu, FILE *f, struct rtattr *tb[]);
	void (*print_xstats)(struct link_util *lu, FILE *f,
			     struct rtattr *xstats);
	void (*print_help)(struct link_util *lu, int argc, char **argv,
			   FILE *f);
	int (*parse_ifla_xstats)(struct link_util *lu, int argc, char **argv);
	int (*print_ifla_xstats)(struct nlmsghdr *n, void *arg);
};

#define ARRAY_SIZE(arr)	(sizeof(arr) / sizeof((arr)[0]))

/* iproute2 6.1, include/json_print.h and include/color.h */
enum output_type {
	PRINT_FP = 1,
	PRINT_JSON = 2,
	PRINT_ANY = 4,
};

enum color_attr {
	COLOR_NONE = 6,
};

/* The helpers of `ip` used, with their iproute2 6.1 signatures. */
static struct {
	/* include/libnetlink.h */
	int (*addattr)(struct nlmsghdr *n, int maxlen, int type);
	int (*addattr8)(struct nlmsghdr *n, int maxlen, int type, __u8 data);
	int (*addattr16)(struct nlmsghdr *n, int maxlen, int type,
			 __u16 data);
	int (*addattr32)(struct nlmsghdr *n, int maxlen, int type,
			 __u32 data);
	int (*addattr_l)(struct nlmsghdr *n, int maxlen, int type,
			 const void *data, int alen);
	/* include/json_print.h */
	bool (*is_json_context)(void);
	void (*open_json_object)(const char *str);
	void (*close_json_object)(void);
	int (*print_color_string)(enum output_type t, enum color_attr color,
				  const char *key, const char *fmt,
				  const char *value);
	int (*print_color_uint)(enum output_type t, enum color_attr color,
				const char *key, const char *fmt,
				unsigned int value);
	int (*print_color_bool)(enum output_type t, enum color_attr color,
				const char *key, const char *fmt, bool value);
	int (*print_color_0xhex)(enum output_type t, enum color_attr color,
				 const char *key, const char *fmt,
				 unsigned long long value);
	/* include/utils.h, include/ll_map.h, include/rt_names.h */
	const char *(*format_host)(int af, int len, const void *addr);
	unsigned int (*ll_name_to_index)(const char *name);
	const char *(*ll_index_to_name)(unsigned int idx);
	int (*rtnl_dsfield_a2n)(__u32 *id, const char *arg);
} ip;

#define IP_SYM(sym)	{ #sym, &ip.sym }

static const struct {
	const char *name;
	void *ptr;
} ip_syms[] = {
	IP_SYM(addattr),
	IP_SYM(addattr8),
	IP_SYM(addattr16),
	IP_SYM(addattr32),
	IP_SYM(addattr_l),
	IP_SYM(is_json_context),
	IP_SYM(open_json_object),
	IP_SYM(close_json_object),
	IP_SYM(print_color_string),
	IP_SYM(print_color_uint),
	IP_SYM(print_color_bool),
	IP_SYM(print_color_0xhex),
	IP_SYM(format_host),
	IP_SYM(ll_name_to_index),
	IP_SYM(ll_index_to_name),
	IP_SYM(rtnl_dsfield_a2n),
};

/*
 * Find the helpers in `ip`, once; false (and a message naming the link
 * KIND) if one is missing.
 */
static inline bool ip_bind(const char *kind)
{
	static int state;	/* 0: not yet, 1: bound, -1: failed */
	size_t i;
	void *sym;

	if (state)
		return state > 0;
	for (i = 0; i < ARRAY_SIZE(ip_syms); i++) {
		sym = dlsym(RTLD_DEFAULT, ip_syms[i].name);
		if (!sym) {
			fprintf(stderr,
				"%s: this ip does not export %s(); iproute2 6.1 expected\n",
				kind, ip_syms[i].name);
			state = -1;
			return false;
		}
		memcpy(ip_syms[i].ptr, &sym, sizeof(sym));
	}
	state = 1;
	return true;
}

/* ip's own wording for a bad argument (invarg()); returns -1. */
static inline int invalid(const char *arg, const char *msg)
{
	fprintf(stderr, "Error: argument \"%s\" is wrong: %s\n", arg, msg);
	return -1;
}

/* True when ARG is a non-empty prefix of OPT, as iproute2's matches(). */
static inline bool is_opt(const char *arg, const char *opt)
{
	size_t len = strlen(arg);

	return len && len <= strlen(opt) && !strncmp(arg, opt, len);
}

/* An unsigned number up to MAX, in C notation (0x hex, 0 octal). */
static inline int parse_uint(const char *arg, unsigned long max, __u32 *val)
{
	unsigned long res;
	char *end;

	if (*arg < '0' || *arg > '9')
		return -1;
	errno = 0;
	res = strtoul(arg, &end, 0);
	if (*end || errno || res > max)
		return -1;
	*val = res;
	return 0;
}

/* The attribute's payload, or NULL when it is absent or shorter than LEN. */
static inline const void *attr_data(struct rtattr *tb[], int type, size_t len)
{
	if (!tb[type] || RTA_PAYLOAD(tb[type]) < len)
		return NULL;
	return RTA_DATA(tb[type]);
}

#endif /* _RZ_IP_LINK_UTIL_H */
