/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic netlink client helpers shared by the ringzero tools (libmnl).
 */
#ifndef RZ_TOOLS_GENL_H
#define RZ_TOOLS_GENL_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

struct rz_genl {
	struct mnl_socket *nl;
	uint16_t family_id;
	uint32_t portid;
	uint32_t seq;
};

/* The reply to RINGZERO_CMD_GET_VERSION. */
/*
 * A family's GET_VERSION reply.  @extra_attr, when the caller sets it,
 * names one more string attribute of that family to keep in @extra.
 */
struct rz_version {
	char version[32];
	uint32_t api;
	uint16_t extra_attr;
	char extra[32];
};

/*
 * Open a socket and resolve @family.  On failure prints why (naming the
 * module to load when the family is missing) and returns -1.
 */
int rz_genl_open(struct rz_genl *g, const char *family);
void rz_genl_close(struct rz_genl *g);
/* The same for rtnetlink (no family); rz_genl_talk then talks on it. */
int rz_rtnl_open(struct rz_genl *g);

/* Join multicast group @group of @family (open on @family). */
int rz_genl_join(struct rz_genl *g, const char *family, const char *group);

/* Start a request for @cmd in @buf (MNL_SOCKET_BUFFER_SIZE bytes). */
struct nlmsghdr *rz_genl_request(struct rz_genl *g, void *buf, uint8_t cmd,
				 uint16_t flags);
/* The same for an rtnetlink message @type (RTM_NEWLINK, ...). */
struct nlmsghdr *rz_rtnl_request(struct rz_genl *g, void *buf, uint16_t type,
				 uint16_t flags);

/*
 * Send @nlh and run @cb on every reply message until the request is
 * answered.  Returns 0, or -1 with errno set (the kernel's error and its
 * extack message are printed, unless rz_genl_quiet is set: the caller
 * then says what an error means itself).
 */
extern bool rz_genl_quiet;
int rz_genl_talk(struct rz_genl *g, struct nlmsghdr *nlh, mnl_cb_t cb,
		 void *data);

/*
 * One request @cmd to @family (@flags: NLM_F_DUMP for a dump) carrying
 * u32 attribute @attr = @value when @attr is not 0, and flag attribute
 * @flag when it is not 0; @cb runs on every reply.  Returns 0, or -1 with
 * errno set after printing why.
 */
int rz_genl_call(const char *family, uint8_t cmd, uint16_t flags,
		 uint16_t attr, uint32_t value, uint16_t flag, mnl_cb_t cb,
		 void *data);

/*
 * Index the attributes of a genl message (after its header) or of @nest
 * by type into @tb[0..@max]; higher types are ignored.
 */
void rz_genl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb,
		   int max);
void rz_genl_parse_nested(const struct nlattr *nest, const struct nlattr **tb,
			  int max);

/* Print the kernel's extack message of an error reply, if it sent one. */
void rz_print_extack(const struct nlmsghdr *nlh);

/* Ask @family for its version; 0 on success, -1 (after a message). */
int rz_genl_get_version(const char *family, struct rz_version *ver);

#endif /* RZ_TOOLS_GENL_H */
