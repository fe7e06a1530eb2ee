// SPDX-License-Identifier: GPL-2.0
/*
 * link_myvxlan.so: the iproute2 plugin for the link kind "myvxlan".
 *
 * `ip` (iproute2 6.1) dlopens link_myvxlan.so from its lib dir (IP_LIB_DIR
 * overrides it) and uses the struct link_util named myvxlan_link_util:
 *
 *   IP_LIB_DIR=tools ip link add vx0 type myvxlan id 42 remote 10.0.0.2
 *   IP_LIB_DIR=tools ip [-j] -d link show vx0
 *
 * The options are those of `ip link add ... type vxlan` (man ip-link);
 * they become the IFLA_MYVXLAN_* attributes of uapi/myvxlan.h.  What the
 * plugins share (struct link_util, the helpers of `ip`) is ip_link_util.h.
 */
#include <arpa/inet.h>
#include <netinet/in.h>

#include <myvxlan.h>

#include "ip_link_util.h"

/* The room iplink.c leaves for the attributes of a request. */
#define MYVXLAN_REQ_MAX	1024

struct myvxlan_addr {
	int family;			/* AF_UNSPEC: not given */
	union {
		struct in_addr v4;
		struct in6_addr v6;
	};
};

/* What parse_opt gathers before it adds the attributes. */
struct myvxlan_args {
	struct nlmsghdr *n;
	int argc;
	char **argv;
	int i;				/* the option being parsed */
	__u64 seen;			/* options given: 1 << IFLA_* */
	__u32 vni;
	struct myvxlan_addr remote;	/* or the group */
	bool group;
	struct myvxlan_addr local;
	__u16 dstport;
	__u8 learning;
};

static void print_explain(FILE *f)
{
	fprintf(f,
		"Usage: ... myvxlan id VNI\n"
		"\t\t[ { group | remote } IP_ADDRESS ]\n"
		"\t\t[ local IP_ADDRESS ]\n"
		"\t\t[ dev PHYS_DEV ]\n"
		"\t\t[ dstport PORT ]\n"
		"\t\t[ srcport MIN MAX ]\n"
		"\t\t[ ttl TTL ]\n"
		"\t\t[ tos TOS ]\n"
		"\t\t[ df DF ]\n"
		"\t\t[ [no]learning ]\n"
		"\t\t[ ageing SECONDS ]\n"
		"\t\t[ maxaddress NUMBER ]\n"
		"\t\t[ [no]udpcsum ]\n"
		"\t\t[ [no]udp6zerocsumtx ]\n"
		"\t\t[ [no]udp6zerocsumrx ]\n"
		"\t\t[ [no]proxy ]\n"
		"\t\t[ [no]l2miss ]\n"
		"\t\t[ [no]l3miss ]\n"
		"\n"
		"Where:\tVNI\t:= 0-16777215\n"
		"\tPORT\t:= 0-65535 (dstport 0: the default, 4789)\n"
		"\tTTL\t:= { 0-255 | auto | inherit }\n"
		"\tTOS\t:= { NUMBER (hex) | inherit }\n"
		"\tDF\t:= { unset | set | inherit }\n"
		"\tSECONDS\t:= { NUMBER | none }\n"
		"\tNUMBER\t:= { NUMBER | unlimited }\n");
}

/* Each option at most once, as in ip's vxlan; -1 (and a message) if not. */
static int once(struct myvxlan_args *a, int attr)
{
	if (a->seen & (1ULL << attr)) {
		fprintf(stderr, "myvxlan: duplicate option \"%s\"\n",
			a->argv[a->i]);
		return -1;
	}
	a->seen |= 1ULL << attr;
	return 0;
}

/* The argument of the current option (ATTR); NULL if missing or a dup. */
static const char *take_arg(struct myvxlan_args *a, int attr)
{
	if (once(a, attr))
		return NULL;
	if (a->i + 1 >= a->argc) {
		fprintf(stderr, "myvxlan: \"%s\" needs an argument\n",
			a->argv[a->i]);
		return NULL;
	}
	return a->argv[++a->i];
}

static int parse_ip(struct myvxlan_addr *ip_addr, const char *arg)
{
	if (inet_pton(AF_INET, arg, &ip_addr->v4) == 1)
		ip_addr->family = AF_INET;
	else if (inet_pton(AF_INET6, arg, &ip_addr->v6) == 1)
		ip_addr->family = AF_INET6;
	else
		return -1;
	return 0;
}

static bool ip_is_multicast(const struct myvxlan_addr *a)
{
	if (a->family == AF_INET)
		return IN_MULTICAST(ntohl(a->v4.s_addr));
	return IN6_IS_ADDR_MULTICAST(&a->v6);
}

static bool ip_is_any(const struct myvxlan_addr *a)
{
	if (a->family == AF_INET)
		return a->v4.s_addr == htonl(INADDR_ANY);
	return IN6_IS_ADDR_UNSPECIFIED(&a->v6);
}

static int parse_remote(struct myvxlan_args *a, bool group)
{
	const char *what = group ? "group" : "remote";
	const char *arg;

	if (a->remote.family && a->group != group) {
		fprintf(stderr,
			"myvxlan: both group and remote cannot be specified\n");
		return -1;
	}
	arg = take_arg(a, IFLA_MYVXLAN_GROUP);
	if (!arg)
		return -1;
	a->group = group;
	if (parse_ip(&a->remote, arg))
		return invalid(arg, group ? "invalid group address"
					  : "invalid remote address");
	if (group && !ip_is_multicast(&a->remote))
		return invalid(arg, "group address is not multicast");
	if (!group && (ip_is_multicast(&a->remote) || ip_is_any(&a->remote)))
		return invalid(arg, "remote address is not unicast");
	if (a->local.family && a->local.family != a->remote.family) {
		fprintf(stderr, "myvxlan: local and %s of different families\n",
			what);
		return -1;
	}
	return 0;
}

static int parse_local(struct myvxlan_args *a)
{
	const char *arg = take_arg(a, IFLA_MYVXLAN_LOCAL);

	if (!arg)
		return -1;
	if (parse_ip(&a->local, arg))
		return invalid(arg, "invalid local address");
	if (ip_is_multicast(&a->local))
		return invalid(arg, "local address is multicast");
	if (a->remote.family && a->local.family != a->remote.family) {
		fprintf(stderr, "myvxlan: local and %s of different families\n",
			a->group ? "group" : "remote");
		return -1;
	}
	return 0;
}

static int parse_dev(struct myvxlan_args *a)
{
	const char *arg = take_arg(a, IFLA_MYVXLAN_LINK);
	unsigned int link;

	if (!arg)
		return -1;
	link = ip.ll_name_to_index(arg);
	if (!link) {
		fprintf(stderr, "Cannot find device \"%s\"\n", arg);
		return -1;
	}
	return ip.addattr32(a->n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_LINK, link);
}

static int parse_ttl(struct myvxlan_args *a)
{
	const char *arg = take_arg(a, IFLA_MYVXLAN_TTL);
	__u32 ttl = 0;

	if (!arg)
		return -1;
	if (!strcmp(arg, "inherit"))
		return ip.addattr(a->n, MYVXLAN_REQ_MAX,
				  IFLA_MYVXLAN_TTL_INHERIT);
	if (strcmp(arg, "auto") && parse_uint(arg, 255, &ttl))
		return invalid(arg, "TTL must be 0-255, auto or inherit");
	return ip.addattr8(a->n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_TTL, ttl);
}

static int parse_tos(struct myvxlan_args *a)
{
	const char *arg = take_arg(a, IFLA_MYVXLAN_TOS);
	__u32 tos = 1;

	if (!arg)
		return -1;
	/* A number in hex or a name of /etc/iproute2/rt_dsfield. */
	if (strcmp(arg, "inherit") && ip.rtnl_dsfield_a2n(&tos, arg))
		return invalid(arg, "bad TOS value");
	return ip.addattr8(a->n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_TOS, tos);
}

static const char *const myvxlan_df_names[] = {
	[MYVXLAN_DF_UNSET] = "unset",
	[MYVXLAN_DF_SET] = "set",
	[MYVXLAN_DF_INHERIT] = "inherit",
};

static int parse_df(struct myvxlan_args *a)
{
	const char *arg = take_arg(a, IFLA_MYVXLAN_DF);
	__u8 df;

	if (!arg)
		return -1;
	for (df = 0; df <= MYVXLAN_DF_MAX; df++)
		if (!strcmp(arg, myvxlan_df_names[df]))
			return ip.addattr8(a->n, MYVXLAN_REQ_MAX,
					   IFLA_MYVXLAN_DF, df);
	return invalid(arg, "DF must be 'unset', 'set' or 'inherit'");
}

/* ageing SECONDS|none, maxaddress NUMBER|unlimited: u32, 0 for the word */
static int parse_u32_or(struct myvxlan_args *a, int attr, const char *word)
{
	const char *arg = take_arg(a, attr);
	__u32 val = 0;

	if (!arg)
		return -1;
	if (strcmp(arg, word) && parse_uint(arg, 0xffffffffUL, &val))
		return invalid(arg, attr == IFLA_MYVXLAN_AGEING ?
			       "invalid ageing time" : "invalid maxaddress");
	return ip.addattr32(a->n, MYVXLAN_REQ_MAX, attr, val);
}

static int parse_srcport(struct myvxlan_args *a)
{
	const char *arg = take_arg(a, IFLA_MYVXLAN_PORT_RANGE);
	struct myvxlan_port_range range;
	__u32 low, high;

	if (!arg)
		return -1;
	if (parse_uint(arg, 0xffff, &low))
		return invalid(arg, "invalid srcport MIN");
	if (++a->i >= a->argc) {
		fprintf(stderr, "myvxlan: \"srcport\" needs MIN and MAX\n");
		return -1;
	}
	arg = a->argv[a->i];
	if (parse_uint(arg, 0xffff, &high))
		return invalid(arg, "invalid srcport MAX");
	if (low > high)
		return invalid(arg, "srcport MAX is below MIN");
	/* srcport 0 0, as in ip's vxlan, leaves the default range. */
	if (!low && !high)
		return 0;
	range.low = htons(low);
	range.high = htons(high);
	return ip.addattr_l(a->n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_PORT_RANGE,
			    &range, sizeof(range));
}

static int parse_dstport(struct myvxlan_args *a)
{
	const char *arg = take_arg(a, IFLA_MYVXLAN_PORT);
	__u32 port;

	if (!arg)
		return -1;
	if (parse_uint(arg, 0xffff, &port))
		return invalid(arg, "invalid dstport");
	a->dstport = port;
	return 0;
}

static const struct {
	const char *opt;
	int attr;
} myvxlan_flags[] = {
	{ "proxy", IFLA_MYVXLAN_PROXY },
	{ "l2miss", IFLA_MYVXLAN_L2MISS },
	{ "l3miss", IFLA_MYVXLAN_L3MISS },
	{ "udpcsum", IFLA_MYVXLAN_UDP_CSUM },
	{ "udp6zerocsumtx", IFLA_MYVXLAN_UDP_ZERO_CSUM6_TX },
	{ "udp6zerocsumrx", IFLA_MYVXLAN_UDP_ZERO_CSUM6_RX },
};

/* The u8 boolean options: OPT sets one, noOPT clears it. */
static int parse_flag(struct myvxlan_args *a)
{
	const char *arg = a->argv[a->i];
	bool no = !strncmp(arg, "no", 2);
	size_t f;

	for (f = 0; f < ARRAY_SIZE(myvxlan_flags); f++) {
		if (!is_opt(arg + (no ? 2 : 0), myvxlan_flags[f].opt))
			continue;
		if (once(a, myvxlan_flags[f].attr))
			return -1;
		return ip.addattr8(a->n, MYVXLAN_REQ_MAX,
				   myvxlan_flags[f].attr, !no);
	}
	fprintf(stderr, "myvxlan: unknown option \"%s\"?\n", arg);
	print_explain(stderr);
	return -1;
}

/* One option, at a->argv[a->i]; in the order of ip's vxlan for prefixes. */
static int parse_one(struct myvxlan_args *a)
{
	const char *arg = a->argv[a->i];

	if (is_opt(arg, "id") || is_opt(arg, "vni")) {
		arg = take_arg(a, IFLA_MYVXLAN_ID);
		if (!arg)
			return -1;
		if (parse_uint(arg, MYVXLAN_VNI_MAX, &a->vni))
			return invalid(arg, "invalid id (0-16777215)");
		return 0;
	}
	if (is_opt(arg, "group"))
		return parse_remote(a, true);
	if (is_opt(arg, "remote"))
		return parse_remote(a, false);
	if (is_opt(arg, "local"))
		return parse_local(a);
	if (is_opt(arg, "dev"))
		return parse_dev(a);
	if (is_opt(arg, "ttl") || is_opt(arg, "hoplimit"))
		return parse_ttl(a);
	if (is_opt(arg, "tos") || is_opt(arg, "dsfield"))
		return parse_tos(a);
	if (is_opt(arg, "df"))
		return parse_df(a);
	if (is_opt(arg, "ageing"))
		return parse_u32_or(a, IFLA_MYVXLAN_AGEING, "none");
	if (is_opt(arg, "maxaddress"))
		return parse_u32_or(a, IFLA_MYVXLAN_LIMIT, "unlimited");
	if (is_opt(arg, "port") || is_opt(arg, "srcport"))
		return parse_srcport(a);
	if (is_opt(arg, "dstport"))
		return parse_dstport(a);
	if (is_opt(arg, "nolearning") || is_opt(arg, "learning")) {
		if (once(a, IFLA_MYVXLAN_LEARNING))
			return -1;
		a->learning = arg[0] != 'n';
		return 0;
	}
	if (is_opt(arg, "help")) {
		print_explain(stderr);
		return -1;
	}
	return parse_flag(a);
}

static int myvxlan_parse_opt(struct link_util *lu, int argc, char **argv,
			     struct nlmsghdr *n)
{
	/* `ip link set ... type myvxlan` (no NLM_F_CREATE) changes a device */
	bool create = n->nlmsg_type != RTM_NEWLINK ||
		      (n->nlmsg_flags & NLM_F_CREATE);
	struct myvxlan_args a = {
		.n = n, .argc = argc, .argv = argv, .learning = 1,
	};
	int err;

	(void)lu;
	if (!ip_bind("myvxlan"))
		return -1;
	for (a.i = 0; a.i < argc; a.i++)
		if (parse_one(&a) < 0)
			return -1;

	if (create && !(a.seen & (1ULL << IFLA_MYVXLAN_ID))) {
		fprintf(stderr,
			"myvxlan: missing virtual network identifier (id VNI)\n");
		return -1;
	}
	if (a.group && !(a.seen & (1ULL << IFLA_MYVXLAN_LINK))) {
		fprintf(stderr,
			"myvxlan: 'group' requires 'dev' to be specified\n");
		return -1;
	}

	err = 0;
	if (a.seen & (1ULL << IFLA_MYVXLAN_ID))
		err |= ip.addattr32(n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_ID, a.vni);
	if (a.remote.family == AF_INET)
		err |= ip.addattr_l(n, MYVXLAN_REQ_MAX,
				    a.group ? IFLA_MYVXLAN_GROUP
					    : IFLA_MYVXLAN_REMOTE,
				    &a.remote.v4, sizeof(a.remote.v4));
	else if (a.remote.family == AF_INET6)
		err |= ip.addattr_l(n, MYVXLAN_REQ_MAX,
				    a.group ? IFLA_MYVXLAN_GROUP6
					    : IFLA_MYVXLAN_REMOTE6,
				    &a.remote.v6, sizeof(a.remote.v6));
	if (a.local.family == AF_INET)
		err |= ip.addattr_l(n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_LOCAL,
				    &a.local.v4, sizeof(a.local.v4));
	else if (a.local.family == AF_INET6)
		err |= ip.addattr_l(n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_LOCAL6,
				    &a.local.v6, sizeof(a.local.v6));
	/* dstport 0, as in ip's vxlan, leaves the default port. */
	if (a.dstport)
		err |= ip.addattr16(n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_PORT,
				    htons(a.dstport));
	if (create || (a.seen & (1ULL << IFLA_MYVXLAN_LEARNING)))
		err |= ip.addattr8(n, MYVXLAN_REQ_MAX, IFLA_MYVXLAN_LEARNING,
				   a.learning);
	return err ? -1 : 0;
}

static void print_ip(struct rtattr *tb[], int type, const char *key,
		     const char *fmt)
{
	int af = (type == IFLA_MYVXLAN_GROUP || type == IFLA_MYVXLAN_REMOTE ||
		  type == IFLA_MYVXLAN_LOCAL) ? AF_INET : AF_INET6;
	size_t len = af == AF_INET ? sizeof(struct in_addr)
				   : sizeof(struct in6_addr);
	const void *addr = attr_data(tb, type, len);
	static const struct in6_addr zero;

	if (!addr || !memcmp(addr, &zero, len))
		return;
	ip.print_color_string(PRINT_ANY, COLOR_NONE, key, fmt,
			      ip.format_host(af, len, addr));
}

/* A u8 boolean: true or false in JSON; ON or OFF, if not NULL, as text. */
static void print_flag(struct rtattr *tb[], int type, const char *key,
		       const char *on, const char *off)
{
	const __u8 *v = attr_data(tb, type, sizeof(__u8));

	if (!v)
		return;
	ip.print_color_bool(PRINT_JSON, COLOR_NONE, key, NULL, *v);
	if (*v && on)
		ip.print_color_string(PRINT_FP, COLOR_NONE, NULL, "%s ", on);
	else if (!*v && off)
		ip.print_color_string(PRINT_FP, COLOR_NONE, NULL, "%s ", off);
}

static void print_ports(FILE *f, struct rtattr *tb[])
{
	const struct myvxlan_port_range *r;
	const __be16 *port;

	r = attr_data(tb, IFLA_MYVXLAN_PORT_RANGE, sizeof(*r));
	if (r && ip.is_json_context()) {
		ip.open_json_object("port_range");
		ip.print_color_uint(PRINT_JSON, COLOR_NONE, "low", NULL,
				    ntohs(r->low));
		ip.print_color_uint(PRINT_JSON, COLOR_NONE, "high", NULL,
				    ntohs(r->high));
		ip.close_json_object();
	} else if (r) {
		fprintf(f, "srcport %u %u ", ntohs(r->low), ntohs(r->high));
	}

	port = attr_data(tb, IFLA_MYVXLAN_PORT, sizeof(*port));
	if (port)
		ip.print_color_uint(PRINT_ANY, COLOR_NONE, "port",
				    "dstport %u ", ntohs(*port));
}

static void print_tos_ttl_df(struct rtattr *tb[])
{
	struct rtattr *inherit = tb[IFLA_MYVXLAN_TTL_INHERIT];
	const __u8 *v;

	v = attr_data(tb, IFLA_MYVXLAN_TOS, sizeof(__u8));
	if (v && *v == 1 && !ip.is_json_context())
		ip.print_color_string(PRINT_FP, COLOR_NONE, NULL, "tos %s ",
				      "inherit");
	else if (v && *v)
		ip.print_color_0xhex(PRINT_ANY, COLOR_NONE, "tos",
				     "tos %#llx ", *v);

	/* A flag in requests; a u8 if the kernel reports it as Linux does. */
	if (inherit && (!RTA_PAYLOAD(inherit) || *(__u8 *)RTA_DATA(inherit))) {
		ip.print_color_bool(PRINT_JSON, COLOR_NONE, "ttl_inherit", NULL,
				    true);
		ip.print_color_string(PRINT_FP, COLOR_NONE, NULL, "ttl %s ",
				      "inherit");
	} else {
		v = attr_data(tb, IFLA_MYVXLAN_TTL, sizeof(__u8));
		if (v && (*v || ip.is_json_context()))
			ip.print_color_uint(PRINT_ANY, COLOR_NONE, "ttl",
					    "ttl %u ", *v);
		else if (v)
			ip.print_color_string(PRINT_FP, COLOR_NONE, NULL,
					      "ttl %s ", "auto");
	}

	/* As ip's vxlan: "df unset", the default, only in JSON. */
	v = attr_data(tb, IFLA_MYVXLAN_DF, sizeof(__u8));
	if (v && *v <= MYVXLAN_DF_MAX)
		ip.print_color_string(*v == MYVXLAN_DF_UNSET ? PRINT_JSON
							     : PRINT_ANY,
				      COLOR_NONE, "df", "df %s ",
				      myvxlan_df_names[*v]);
}

static void myvxlan_print_opt(struct link_util *lu, FILE *f,
			      struct rtattr *tb[])
{
	const __u32 *v;

	(void)lu;
	if (!tb || !ip_bind("myvxlan"))
		return;
	v = attr_data(tb, IFLA_MYVXLAN_ID, sizeof(*v));
	if (!v)
		return;
	ip.print_color_uint(PRINT_ANY, COLOR_NONE, "id", "id %u ", *v);

	print_ip(tb, IFLA_MYVXLAN_GROUP, "group", "group %s ");
	print_ip(tb, IFLA_MYVXLAN_GROUP6, "group6", "group %s ");
	print_ip(tb, IFLA_MYVXLAN_REMOTE, "remote", "remote %s ");
	print_ip(tb, IFLA_MYVXLAN_REMOTE6, "remote6", "remote %s ");
	print_ip(tb, IFLA_MYVXLAN_LOCAL, "local", "local %s ");
	print_ip(tb, IFLA_MYVXLAN_LOCAL6, "local6", "local %s ");

	v = attr_data(tb, IFLA_MYVXLAN_LINK, sizeof(*v));
	if (v && *v)
		ip.print_color_string(PRINT_ANY, COLOR_NONE, "link", "dev %s ",
				      ip.ll_index_to_name(*v));

	print_ports(f, tb);

	print_flag(tb, IFLA_MYVXLAN_LEARNING, "learning", NULL, "nolearning");
	print_flag(tb, IFLA_MYVXLAN_PROXY, "proxy", "proxy", NULL);
	print_flag(tb, IFLA_MYVXLAN_L2MISS, "l2miss", "l2miss", NULL);
	print_flag(tb, IFLA_MYVXLAN_L3MISS, "l3miss", "l3miss", NULL);

	print_tos_ttl_df(tb);

	v = attr_data(tb, IFLA_MYVXLAN_AGEING, sizeof(*v));
	if (v && !*v)
		ip.print_color_uint(PRINT_ANY, COLOR_NONE, "ageing",
				    "ageing none ", 0);
	else if (v)
		ip.print_color_uint(PRINT_ANY, COLOR_NONE, "ageing",
				    "ageing %u ", *v);
	v = attr_data(tb, IFLA_MYVXLAN_LIMIT, sizeof(*v));
	if (v && *v)
		ip.print_color_uint(PRINT_ANY, COLOR_NONE, "limit",
				    "maxaddr %u ", *v);

	print_flag(tb, IFLA_MYVXLAN_UDP_CSUM, "udp_csum", "udpcsum",
		   "noudpcsum");
	print_flag(tb, IFLA_MYVXLAN_UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx",
		   "udp6zerocsumtx", "noudp6zerocsumtx");
	print_flag(tb, IFLA_MYVXLAN_UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx",
		   "udp6zerocsumrx", "noudp6zerocsumrx");
}

static void myvxlan_print_help(struct link_util *lu, int argc, char **argv,
			       FILE *f)
{
	(void)lu;
	(void)argc;
	(void)argv;
	print_explain(f);
}

struct link_util myvxlan_link_util = {
	.id		= "myvxlan",
	.maxattr	= IFLA_MYVXLAN_MAX,
	.parse_opt	= myvxlan_parse_opt,
	.print_opt	= myvxlan_print_opt,
	.print_help	= myvxlan_print_help,
};
