/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Flow export (uapi/mybridge.h, "Flow export"): per-flow records kept
 * from the frames a switch receives, sent as IPFIX or NetFlow v5 over
 * UDP when they expire.
 */
#ifndef _MYBRIDGE_EXPORT_H
#define _MYBRIDGE_EXPORT_H

#include <linux/netlink.h>
#include <linux/socket.h>

#include "bridge.h"

struct mybridge_export_config {
	u8 format;			/* enum mybridge_export_format */
	struct sockaddr_storage collector;
	u32 active;			/* seconds */
	u32 idle;			/* seconds */
};

/*
 * Start exporting from @br as @cfg says (replacing an export running:
 * its records are sent first), or stop (MYBRIDGE_EXPORT_OFF).  RTNL.
 */
int mybridge_export_set(struct mybridge *br,
			const struct mybridge_export_config *cfg,
			struct netlink_ext_ack *extack);

/* Account a frame of @len bytes with @key; under RCU, softirq. */
void mybridge_export_account(struct mybridge *br, struct mybridge_export *exp,
			     const struct mybridge_flow_key *key,
			     unsigned int len);

/* The configuration and counters as MYBRIDGE_ATTR_EXPORT; under RCU. */
int mybridge_export_put(struct sk_buff *skb, struct mybridge_export *exp);

/*
 * Build one IPFIX (NetFlow v5) message of the first *@n records of
 * @recs (for IPFIX all of one template) into @buf of @size bytes; *@n is
 * set to how many fit.  Returns the message's length; 0 (with *@n 0)
 * when @size cannot hold even the headers.  Exposed for KUnit.
 */
struct mybridge_export_record {
	struct mybridge_flow_key key;
	u32 out_port;
	u64 packets;
	u64 bytes;
	u64 first_ms;			/* wall clock */
	u64 last_ms;
	u32 first_uptime;		/* ms since the export started */
	u32 last_uptime;
};

unsigned int mybridge_ipfix_build(u8 *buf, unsigned int size, u32 domain,
				  u32 sequence, u32 export_time,
				  const struct mybridge_export_record *recs,
				  unsigned int *n);
unsigned int mybridge_netflow5_build(u8 *buf, unsigned int size,
				     u32 sequence, u32 uptime, u64 now_ns,
				     const struct mybridge_export_record *recs,
				     unsigned int *n);

/* Which IPFIX template a record goes out with. */
u16 mybridge_ipfix_template(const struct mybridge_export_record *rec);

#endif /* _MYBRIDGE_EXPORT_H */
