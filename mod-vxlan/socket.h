/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVXLAN_SOCKET_H
#define _MYVXLAN_SOCKET_H

#include <linux/hashtable.h>
#include <net/sock.h>

#include "device.h"

/*
 * One UDP socket per (netns, port, family), shared by every device that
 * is up on it; received packets find their device by VNI.
 */
struct myvxlan_sock {
	struct list_head list;		/* in the netns' list, under RTNL */
	struct socket *sock;
	sa_family_t family;
	__be16 port;
	unsigned int users;		/* devices up on it, under RTNL */
	DECLARE_HASHTABLE(vni_hash, 8);	/* RCU readers, RTNL writers */
	struct rcu_head rcu;
};

/* Per network namespace: the sockets and the devices whose underlay
 * socket lives there.
 */
struct myvxlan_net {
	struct list_head socks;
	struct list_head devs;
};

extern unsigned int myvxlan_net_id;

/* Bring the device's socket up (ndo_open) or down (ndo_stop); RTNL. */
int myvxlan_sock_attach(struct myvxlan_dev *vx, struct netlink_ext_ack *extack);
void myvxlan_sock_detach(struct myvxlan_dev *vx);

int myvxlan_socket_init(void);
void myvxlan_socket_uninit(void);

#endif /* _MYVXLAN_SOCKET_H */
