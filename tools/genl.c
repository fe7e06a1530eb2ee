// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink client helpers shared by the ringzero tools (libmnl).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include <ringzero.h>
#include "genl.h"

struct rz_family_lookup {
	uint16_t id;
	bool found;
	const char *group;		/* a multicast group to find */
	uint32_t group_id;
	bool group_found;
};

static void rz_group_lookup(const struct nlattr *groups,
			    struct rz_family_lookup *lookup)
{
	const struct nlattr *grp, *a;
	const char *name;
	uint32_t id;

	mnl_attr_for_each_nested(grp, groups) {
		name = NULL;
		id = 0;
		mnl_attr_for_each_nested(a, grp) {
			if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_NAME &&
			    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
				name = mnl_attr_get_str(a);
			if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_ID &&
			    mnl_attr_validate(a, MNL_TYPE_U32) == 0)
				id = mnl_attr_get_u32(a);
		}
		if (name && lookup->group && !strcmp(name, lookup->group)) {
			lookup->group_id = id;
			lookup->group_found = true;
		}
	}
}

static int rz_family_attr_cb(const struct nlattr *attr, void *data)
{
	struct rz_family_lookup *lookup = data;

	if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID &&
	    mnl_attr_validate(attr, MNL_TYPE_U16) == 0) {
		lookup->id = mnl_attr_get_u16(attr);
		lookup->found = true;
	}
	if (mnl_attr_get_type(attr) == CTRL_ATTR_MCAST_GROUPS)
		rz_group_lookup(attr, lookup);
	return MNL_CB_OK;
}

static int rz_family_cb(const struct nlmsghdr *nlh, void *data)
{
	return mnl_attr_parse(nlh, GENL_HDRLEN, rz_family_attr_cb, data);
}

static int rz_genl_lookup(struct rz_genl *g, const char *family,
			  struct rz_family_lookup *lookup)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	uint16_t id = g->family_id;

	g->family_id = GENL_ID_CTRL;
	nlh = rz_genl_request(g, buf, CTRL_CMD_GETFAMILY, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, family);
	if (rz_genl_talk(g, nlh, rz_family_cb, lookup) < 0 || !lookup->found) {
		g->family_id = id;
		return -1;
	}
	g->family_id = lookup->id;
	return 0;
}

static int rz_genl_resolve(struct rz_genl *g, const char *family)
{
	struct rz_family_lookup lookup = { 0 };

	return rz_genl_lookup(g, family, &lookup);
}

int rz_genl_join(struct rz_genl *g, const char *family, const char *group)
{
	struct rz_family_lookup lookup = { .group = group };

	if (rz_genl_lookup(g, family, &lookup) < 0)
		return -1;
	if (!lookup.group_found) {
		fprintf(stderr, "%s has no multicast group %s\n", family,
			group);
		errno = ENOENT;
		return -1;
	}
	if (mnl_socket_setsockopt(g->nl, NETLINK_ADD_MEMBERSHIP,
				  &lookup.group_id,
				  sizeof(lookup.group_id)) < 0) {
		fprintf(stderr, "joining %s/%s: %s\n", family, group,
			strerror(errno));
		return -1;
	}
	return 0;
}

void rz_genl_close(struct rz_genl *g)
{
	if (g->nl)
		mnl_socket_close(g->nl);
	g->nl = NULL;
}

/* A socket on @bus asking for extended acks, in @g. */
static int rz_nl_open(struct rz_genl *g, int bus)
{
	memset(g, 0, sizeof(*g));
	g->nl = mnl_socket_open(bus);
	if (!g->nl) {
		perror("netlink socket");
		return -1;
	}
	if (mnl_socket_bind(g->nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("netlink bind");
		rz_genl_close(g);
		return -1;
	}
	/* Ask for extended ack messages; older kernels just ignore it. */
	mnl_socket_setsockopt(g->nl, NETLINK_EXT_ACK, &(int){ 1 },
			      sizeof(int));
	g->portid = mnl_socket_get_portid(g->nl);
	g->seq = (uint32_t)time(NULL);
	return 0;
}

int rz_genl_open(struct rz_genl *g, const char *family)
{
	if (rz_nl_open(g, NETLINK_GENERIC) < 0)
		return -1;
	if (rz_genl_resolve(g, family) < 0) {
		if (errno == ENOENT)
			fprintf(stderr,
				"generic netlink family %s not found: is %s.ko loaded?\n",
				family, family);
		rz_genl_close(g);
		return -1;
	}
	return 0;
}

int rz_rtnl_open(struct rz_genl *g)
{
	return rz_nl_open(g, NETLINK_ROUTE);
}

struct nlmsghdr *rz_rtnl_request(struct rz_genl *g, void *buf, uint16_t type,
				 uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++g->seq;
	return nlh;
}

struct nlmsghdr *rz_genl_request(struct rz_genl *g, void *buf, uint8_t cmd,
				 uint16_t flags)
{
	struct nlmsghdr *nlh = rz_rtnl_request(g, buf, g->family_id, flags);
	struct genlmsghdr *genl;

	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = 1;
	return nlh;
}

void rz_print_extack(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *attr;
	unsigned int offset = sizeof(*err);

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		offset += mnl_nlmsg_get_payload_len(&err->msg);
	mnl_attr_for_each(attr, nlh, offset) {
		if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			fprintf(stderr, "kernel says: %s\n",
				mnl_attr_get_str(attr));
	}
}

bool rz_genl_quiet;

static int rz_error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);

	(void)data;
	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*err))) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (err->error == 0)
		return MNL_CB_STOP;
	if (!rz_genl_quiet) {
		rz_print_extack(nlh);
		fprintf(stderr, "error: %s\n", strerror(-err->error));
	}
	errno = -err->error;
	return MNL_CB_ERROR;
}

static int rz_done_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return MNL_CB_STOP;
}

int rz_genl_talk(struct rz_genl *g, struct nlmsghdr *nlh, mnl_cb_t cb,
		 void *data)
{
	static mnl_cb_t ctl_cbs[NLMSG_MIN_TYPE] = {
		[NLMSG_ERROR] = rz_error_cb,
		[NLMSG_DONE] = rz_done_cb,
	};
	/* The kernel sizes dump messages up to what we read (32 KiB max). */
	static char buf[32768];
	uint32_t seq = nlh->nlmsg_seq;
	ssize_t len;
	int ret;

	if (mnl_socket_sendto(g->nl, nlh, nlh->nlmsg_len) < 0) {
		perror("netlink send");
		return -1;
	}
	do {
		len = mnl_socket_recvfrom(g->nl, buf, sizeof(buf));
		if (len < 0) {
			perror("netlink receive");
			return -1;
		}
		ret = mnl_cb_run2(buf, len, seq, g->portid, cb, data,
				  ctl_cbs, NLMSG_MIN_TYPE);
	} while (ret == MNL_CB_OK);
	return ret < 0 ? -1 : 0;
}

int rz_genl_call(const char *family, uint8_t cmd, uint16_t flags,
		 uint16_t attr, uint32_t value, uint16_t flag, mnl_cb_t cb,
		 void *data)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	struct rz_genl g;
	int ret, err;

	if (rz_genl_open(&g, family) < 0)
		return -1;
	nlh = rz_genl_request(&g, buf, cmd, flags);
	if (attr)
		mnl_attr_put_u32(nlh, attr, value);
	if (flag)
		mnl_attr_put(nlh, flag, 0, NULL);
	ret = rz_genl_talk(&g, nlh, cb, data);
	err = errno;
	rz_genl_close(&g);
	errno = err;
	return ret;
}

static int rz_table_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = ((const struct nlattr ***)data)[0];
	int max = (int)(long)((void **)data)[1];
	int type = mnl_attr_get_type(attr);

	if (type <= max)
		tb[type] = attr;
	return MNL_CB_OK;
}

void rz_genl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb,
		   int max)
{
	void *data[2] = { tb, (void *)(long)max };

	memset(tb, 0, sizeof(*tb) * (max + 1));
	mnl_attr_parse(nlh, GENL_HDRLEN, rz_table_cb, data);
}

void rz_genl_parse_nested(const struct nlattr *nest, const struct nlattr **tb,
			  int max)
{
	void *data[2] = { tb, (void *)(long)max };

	memset(tb, 0, sizeof(*tb) * (max + 1));
	if (nest)
		mnl_attr_parse_nested(nest, rz_table_cb, data);
}

static int rz_version_attr_cb(const struct nlattr *attr, void *data)
{
	struct rz_version *ver = data;

	switch (mnl_attr_get_type(attr)) {
	case RINGZERO_ATTR_VERSION:
		if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			snprintf(ver->version, sizeof(ver->version), "%s",
				 mnl_attr_get_str(attr));
		break;
	case RINGZERO_ATTR_API_VERSION:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
			ver->api = mnl_attr_get_u32(attr);
		break;
	}
	if (ver->extra_attr && mnl_attr_get_type(attr) == ver->extra_attr &&
	    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		snprintf(ver->extra, sizeof(ver->extra), "%s",
			 mnl_attr_get_str(attr));
	return MNL_CB_OK;
}

static int rz_version_cb(const struct nlmsghdr *nlh, void *data)
{
	return mnl_attr_parse(nlh, GENL_HDRLEN, rz_version_attr_cb, data);
}

int rz_genl_get_version(const char *family, struct rz_version *ver)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	uint16_t extra_attr = ver->extra_attr;
	struct rz_genl g;
	int ret;

	memset(ver, 0, sizeof(*ver));
	ver->extra_attr = extra_attr;
	if (rz_genl_open(&g, family) < 0)
		return -1;
	nlh = rz_genl_request(&g, buf, RINGZERO_CMD_GET_VERSION, 0);
	ret = rz_genl_talk(&g, nlh, rz_version_cb, ver);
	if (ret < 0)
		fprintf(stderr, "%s: version request failed: %s\n", family,
			strerror(errno));
	else if (!ver->version[0] || !ver->api) {
		fprintf(stderr, "%s: version reply lacks attributes\n",
			family);
		ret = -1;
	}
	rz_genl_close(&g);
	return ret;
}
