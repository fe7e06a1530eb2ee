// SPDX-License-Identifier: GPL-2.0
/*
 * The shared underlay UDP sockets and the receive path.
 */
#include <linux/etherdevice.h>
#include <net/inet_ecn.h>
#include <net/ip_tunnels.h>
#include <net/netns/generic.h>
#include <net/udp_tunnel.h>

#include "fdb.h"
#include "header.h"
#include "socket.h"

unsigned int myvxlan_net_id __read_mostly;

static struct myvxlan_dev *myvxlan_vni_lookup(struct myvxlan_sock *vs, u32 vni)
{
	struct myvxlan_dev *vx;

	hash_for_each_possible_rcu(vs->vni_hash, vx, vni_node, vni)
		if (vx->cfg.vni == vni)
			return vx;
	return NULL;
}

static void myvxlan_outer_src(struct sk_buff *skb, struct myvxlan_ip *src)
{
	if (ip_hdr(skb)->version == 4) {
		src->family = AF_INET;
		src->v4 = ip_hdr(skb)->saddr;
	} else {
		src->family = AF_INET6;
		src->v6 = ipv6_hdr(skb)->saddr;
	}
}

static int myvxlan_ecn_decap(struct sk_buff *skb, const void *oiph)
{
	if (ip_hdr(skb)->version == 4)
		return IP_ECN_decapsulate(oiph, skb);
	return IP6_ECN_decapsulate(oiph, skb);
}

/* encap_rcv: @skb's data starts at the UDP header; runs under RCU. */
static int myvxlan_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct myvxlan_sock *vs = rcu_dereference_sk_user_data(sk);
	struct myvxlan_ip outer_src;
	struct myvxlan_dev *vx;
	struct vxlanhdr *vxh;
	const void *oiph;
	int reason;
	u32 vni;

	/* Too short to name a VNI: no device to count it on. */
	if (!vs || !pskb_may_pull(skb, VXLAN_HLEN))
		goto drop;
	vxh = (struct vxlanhdr *)(udp_hdr(skb) + 1);
	vx = myvxlan_vni_lookup(vs, be32_to_cpu(vxh->vx_vni) >> 8);
	if (!vx)
		goto drop;
	reason = myvxlan_hdr_parse(vxh, &vni);
	if (reason >= 0)
		goto count;
	if (vs->family == AF_INET6 && !udp_hdr(skb)->check &&
	    !vx->cfg.zero_csum6_rx) {
		reason = MYVXLAN_DROP_RX_CSUM;
		goto count;
	}

	if (!pskb_may_pull(skb, VXLAN_HLEN + ETH_HLEN)) {
		reason = MYVXLAN_DROP_RX_TRUNCATED;
		goto count;
	}
	myvxlan_outer_src(skb, &outer_src);
	if (iptunnel_pull_header(skb, VXLAN_HLEN, htons(ETH_P_TEB),
				 !net_eq(vx->net, dev_net(vx->dev)))) {
		reason = MYVXLAN_DROP_RX_BAD_INNER;
		goto count;
	}
	oiph = skb_network_header(skb);
	skb_reset_mac_header(skb);
	skb->protocol = eth_type_trans(skb, vx->dev);
	skb_postpull_rcsum(skb, eth_hdr(skb), ETH_HLEN);
	/* Our own frames looped back, or a bogus source: do not learn. */
	if (!is_valid_ether_addr(eth_hdr(skb)->h_source) ||
	    ether_addr_equal(eth_hdr(skb)->h_source, vx->dev->dev_addr)) {
		reason = MYVXLAN_DROP_RX_BAD_INNER;
		goto count;
	}
	if (vx->cfg.learning)
		myvxlan_fdb_learn(vx, eth_hdr(skb)->h_source, &outer_src);
	if (myvxlan_ecn_decap(skb, oiph) > 1) {
		reason = MYVXLAN_DROP_RX_BAD_INNER;
		goto count;
	}
	skb_reset_network_header(skb);
	dev_sw_netstats_rx_add(vx->dev, skb->len);
	gro_cells_receive(&vx->gro_cells, skb);
	return 0;

count:
	myvxlan_count_drop(vx, reason);
drop:
	kfree_skb(skb);
	return 0;
}

static struct myvxlan_sock *myvxlan_sock_create(struct net *net,
						sa_family_t family,
						__be16 port)
{
	struct udp_tunnel_sock_cfg tunnel_cfg = {
		.encap_type = 1,
		.encap_rcv = myvxlan_rcv,
	};
	struct udp_port_cfg port_cfg = {
		.family = family,
		.local_udp_port = port,
		/* Devices decide for themselves (zero_csum6_rx). */
		.use_udp6_rx_checksums = false,
		.ipv6_v6only = true,
	};
	struct myvxlan_sock *vs;
	int err;

	vs = kzalloc(sizeof(*vs), GFP_KERNEL);
	if (!vs)
		return ERR_PTR(-ENOMEM);
	err = udp_sock_create(net, &port_cfg, &vs->sock);
	if (err) {
		kfree(vs);
		return ERR_PTR(err);
	}
	vs->family = family;
	vs->port = port;
	hash_init(vs->vni_hash);
	tunnel_cfg.sk_user_data = vs;
	setup_udp_tunnel_sock(net, vs->sock, &tunnel_cfg);
	return vs;
}

int myvxlan_sock_attach(struct myvxlan_dev *vx, struct netlink_ext_ack *extack)
{
	struct myvxlan_net *vn = net_generic(vx->net, myvxlan_net_id);
	struct myvxlan_sock *vs;
	bool found = false;

	ASSERT_RTNL();
	list_for_each_entry(vs, &vn->socks, list) {
		if (vs->family == vx->cfg.family && vs->port == vx->cfg.port) {
			found = true;
			break;
		}
	}
	if (found) {
		if (myvxlan_vni_lookup(vs, vx->cfg.vni)) {
			NL_SET_ERR_MSG(extack,
				       "myvxlan: another device is up with this VNI and port");
			return -EBUSY;
		}
	} else {
		vs = myvxlan_sock_create(vx->net, vx->cfg.family, vx->cfg.port);
		if (IS_ERR(vs)) {
			NL_SET_ERR_MSG(extack,
				       "myvxlan: cannot open the UDP socket");
			return PTR_ERR(vs);
		}
		list_add(&vs->list, &vn->socks);
	}
	vs->users++;
	hash_add_rcu(vs->vni_hash, &vx->vni_node, vx->cfg.vni);
	rcu_assign_pointer(vx->vsock, vs);
	return 0;
}

void myvxlan_sock_detach(struct myvxlan_dev *vx)
{
	struct myvxlan_sock *vs = rtnl_dereference(vx->vsock);

	if (!vs)
		return;
	hash_del_rcu(&vx->vni_node);
	RCU_INIT_POINTER(vx->vsock, NULL);
	if (--vs->users)
		return;
	list_del(&vs->list);
	/* Clears sk_user_data first: receivers still in flight see NULL. */
	udp_tunnel_sock_release(vs->sock);
	kfree_rcu(vs, rcu);
}

static int __net_init myvxlan_net_init(struct net *net)
{
	struct myvxlan_net *vn = net_generic(net, myvxlan_net_id);

	INIT_LIST_HEAD(&vn->socks);
	INIT_LIST_HEAD(&vn->devs);
	return 0;
}

/*
 * A dying namespace takes with it the devices created there, wherever
 * they were moved since, as their underlay socket is there.
 */
static void __net_exit myvxlan_net_exit_batch(struct list_head *net_list)
{
	struct myvxlan_dev *vx, *next;
	struct myvxlan_net *vn;
	struct net *net;
	LIST_HEAD(kill);

	rtnl_lock();
	list_for_each_entry(net, net_list, exit_list) {
		vn = net_generic(net, myvxlan_net_id);
		list_for_each_entry_safe(vx, next, &vn->devs, list)
			unregister_netdevice_queue(vx->dev, &kill);
	}
	unregister_netdevice_many(&kill);
	rtnl_unlock();
	list_for_each_entry(net, net_list, exit_list) {
		vn = net_generic(net, myvxlan_net_id);
		WARN_ON_ONCE(!list_empty(&vn->socks));
	}
}

static struct pernet_operations myvxlan_net_ops = {
	.init = myvxlan_net_init,
	.exit_batch = myvxlan_net_exit_batch,
	.id = &myvxlan_net_id,
	.size = sizeof(struct myvxlan_net),
};

int myvxlan_socket_init(void)
{
	return register_pernet_subsys(&myvxlan_net_ops);
}

void myvxlan_socket_uninit(void)
{
	unregister_pernet_subsys(&myvxlan_net_ops);
}
