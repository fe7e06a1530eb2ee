// SPDX-License-Identifier: GPL-2.0
/*
 * MYVMX_DEVICE_VIRTIO_NET: a virtio network device (virtio 1.2, 5.1)
 * whose other end is a host netdev, "vm<ID>n<N>", which any bridge can
 * take as a port.  @args[2] is the guest's MAC address (0: a random one).
 *
 * - Guest to host: a notify of the transmit queue, on the vCPU's exit,
 *   takes each frame from the ring into an skb that the netdev receives
 *   (netif_rx).
 * - Host to guest: what the stack transmits on the netdev waits in a
 *   short backlog; a worker writes it into the guest's receive buffers
 *   and interrupts.  Without buffers the frames wait for the driver's
 *   next notify; beyond the backlog they are dropped.
 *
 * No offloads are offered, so frames are plain Ethernet of at most 1518
 * bytes; a larger one from the guest is dropped and counted.  The link is
 * up while the netdev is.  The device fd's read() gives the netdev's name.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/nsproxy.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/virtio_ids.h>
#include <linux/virtio_net.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>

#include "virtio_dev.h"
#include "virtio_net.h"

#define MYVDEV_NET_RXQ		0
#define MYVDEV_NET_TXQ		1
#define MYVDEV_NET_HDR_LEN	sizeof(struct virtio_net_hdr_v1)
#define MYVDEV_NET_MAX_FRAME	(ETH_HLEN + VLAN_HLEN + ETH_DATA_LEN)
#define MYVDEV_NET_BACKLOG	256

struct myvdev_net {
	struct myvdev_virtio v;		/* its lock: the rings, chain, frame */
	struct net_device *dev;
	u8 guest_mac[ETH_ALEN];
	struct sk_buff_head backlog;	/* frames for the guest */
	struct work_struct rx_work;
	struct myvdev_vq_chain chain;
	bool gone;			/* the VM is being freed */
	u8 frame[MYVDEV_NET_HDR_LEN + MYVDEV_NET_MAX_FRAME];
};

static struct myvdev_net *myvdev_net_of(struct myvdev_vmmio *t)
{
	return container_of(myvdev_virtio_of(t), struct myvdev_net, v);
}

static struct myvdev_net *myvdev_net_of_dev(struct net_device *dev)
{
	return *(struct myvdev_net **)netdev_priv(dev);
}

static u32 myvdev_net_config_read(struct myvdev_vmmio *t, unsigned int offset,
				  unsigned int len)
{
	struct myvdev_net *n = myvdev_net_of(t);
	struct virtio_net_config config = { };

	ether_addr_copy(config.mac, n->guest_mac);
	if (netif_running(n->dev))
		config.status = cpu_to_le16(VIRTIO_NET_S_LINK_UP);
	return myvdev_virtio_config(&config, sizeof(config), offset, len);
}

/* One frame the guest sent: into the host's stack.  Nothing is written. */
static u32 myvdev_net_tx_one(struct myvdev_virtio *v,
			     const struct myvdev_vq_chain *c)
{
	struct net_device *dev = container_of(v, struct myvdev_net, v)->dev;
	struct sk_buff *skb;
	unsigned int len;

	if (c->out_len < MYVDEV_NET_HDR_LEN + ETH_HLEN ||
	    c->out_len > MYVDEV_NET_HDR_LEN + MYVDEV_NET_MAX_FRAME) {
		dev->stats.rx_length_errors++;	/* under the lock */
		dev_core_stats_rx_dropped_inc(dev);
		return 0;
	}
	len = c->out_len - MYVDEV_NET_HDR_LEN;
	skb = netdev_alloc_skb_ip_align(dev, len);
	if (!skb) {
		dev_core_stats_rx_dropped_inc(dev);
		return 0;
	}
	if (myvdev_vq_copy_out(&v->mem, c, MYVDEV_NET_HDR_LEN,
			       skb_put(skb, len), len)) {
		dev_core_stats_rx_dropped_inc(dev);
		kfree_skb(skb);
		return 0;
	}
	skb->protocol = eth_type_trans(skb, dev);
	dev_sw_netstats_rx_add(dev, len);
	netif_rx(skb);
	return 0;
}

static void myvdev_net_notify(struct myvdev_vmmio *t, unsigned int index)
{
	struct myvdev_net *n = myvdev_net_of(t);

	if (index == MYVDEV_NET_TXQ)
		myvdev_virtio_serve(&n->v, &t->vq[index], &n->chain,
				    myvdev_net_tx_one);
	else				/* new receive buffers */
		schedule_work(&n->rx_work);
}

static void myvdev_net_drop_backlog(struct myvdev_net *n)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(&n->backlog))) {
		dev_core_stats_tx_dropped_inc(n->dev);
		kfree_skb(skb);
	}
}

/* Status 0 written: the frames for the old driver go. */
static void myvdev_net_reset(struct myvdev_vmmio *t)
{
	myvdev_net_drop_backlog(myvdev_net_of(t));
}

/*
 * @skb into the chain in n->chain: its length for the used ring, or 0
 * when it did not fit (the buffer goes back empty, the frame is dropped).
 */
static u32 myvdev_net_rx_one(struct myvdev_net *n, struct sk_buff *skb)
{
	struct virtio_net_hdr_v1 *hdr = (void *)n->frame;
	unsigned int len = MYVDEV_NET_HDR_LEN + skb->len;

	if (n->chain.in_len < len)
		return 0;
	memset(hdr, 0, sizeof(*hdr));
	hdr->num_buffers = cpu_to_le16(1);
	if (skb_copy_bits(skb, 0, n->frame + MYVDEV_NET_HDR_LEN, skb->len) ||
	    myvdev_vq_copy_in(&n->v.mem, &n->chain, 0, n->frame, len))
		return 0;
	return len;
}

static void myvdev_net_rx_work(struct work_struct *work)
{
	struct myvdev_net *n = container_of(work, struct myvdev_net, rx_work);
	struct myvdev_vq *vq = &n->v.t.vq[MYVDEV_NET_RXQ];
	struct net_device *dev = n->dev;
	struct sk_buff *skb;
	unsigned int done;
	bool used = false;
	int err = 0;
	u32 len;

	mutex_lock(&n->v.lock);
	if (n->gone || !myvdev_vmmio_driver_ok(&n->v.t) || !vq->ready) {
		myvdev_net_drop_backlog(n);
		goto out;
	}
	for (done = 0; done < MYVDEV_NET_BACKLOG; done++) {
		skb = skb_dequeue(&n->backlog);
		if (!skb)
			break;
		err = myvdev_vq_pop(vq, &n->v.mem, &n->chain);
		if (err) {		/* no buffer: wait for the next notify */
			skb_queue_head(&n->backlog, skb);
			break;
		}
		len = myvdev_net_rx_one(n, skb);
		if (len) {
			dev_sw_netstats_tx_add(dev, 1, skb->len);
			consume_skb(skb);
		} else {
			dev_core_stats_tx_dropped_inc(dev);
			kfree_skb(skb);
		}
		err = myvdev_vq_push(vq, &n->v.mem, n->chain.head, len);
		if (err)
			break;
		used = true;
	}
	myvdev_vmmio_batch_done(&n->v.t, err, used);
	if (done == MYVDEV_NET_BACKLOG)
		schedule_work(&n->rx_work);	/* others' turn first */
out:
	mutex_unlock(&n->v.lock);
}

/* The host sends to the guest. */
static netdev_tx_t myvdev_net_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct myvdev_net *n = myvdev_net_of_dev(dev);

	if (skb->len > MYVDEV_NET_MAX_FRAME ||
	    skb_queue_len(&n->backlog) >= MYVDEV_NET_BACKLOG) {
		dev_core_stats_tx_dropped_inc(dev);
		kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	skb_orphan(skb);
	skb_queue_tail(&n->backlog, skb);
	schedule_work(&n->rx_work);
	return NETDEV_TX_OK;
}

/* The guest sees its link follow the netdev. */
static void myvdev_net_link_changed(struct net_device *dev)
{
	struct myvdev_net *n = myvdev_net_of_dev(dev);

	mutex_lock(&n->v.lock);
	if (!n->gone && myvdev_vmmio_driver_ok(&n->v.t))
		myvdev_vmmio_config_changed(&n->v.t);
	mutex_unlock(&n->v.lock);
}

static int myvdev_net_open(struct net_device *dev)
{
	netif_start_queue(dev);
	myvdev_net_link_changed(dev);
	return 0;
}

static int myvdev_net_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	myvdev_net_link_changed(dev);
	return 0;
}

static int myvdev_net_init(struct net_device *dev)
{
	dev->tstats = netdev_alloc_pcpu_stats(struct pcpu_sw_netstats);
	return dev->tstats ? 0 : -ENOMEM;
}

static void myvdev_net_uninit(struct net_device *dev)
{
	free_percpu(dev->tstats);
}

static const struct net_device_ops myvdev_net_ops = {
	.ndo_init		= myvdev_net_init,
	.ndo_uninit		= myvdev_net_uninit,
	.ndo_open		= myvdev_net_open,
	.ndo_stop		= myvdev_net_stop,
	.ndo_start_xmit		= myvdev_net_xmit,
	.ndo_get_stats64	= dev_get_tstats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static const struct myvdev_vmmio_ops myvdev_net_vmmio_ops = {
	.config_read = myvdev_net_config_read,
	.notify = myvdev_net_notify,
	.reset = myvdev_net_reset,
	.interrupt = myvdev_virtio_interrupt,
};

/* @arg: the MAC address in its low 48 bits, first byte highest; 0: random. */
static int myvdev_net_mac(u8 *mac, u64 arg)
{
	int i;

	if (!arg) {
		eth_random_addr(mac);
		return 0;
	}
	if (arg >> 48)
		return -EINVAL;
	for (i = 0; i < ETH_ALEN; i++)
		mac[i] = arg >> (8 * (ETH_ALEN - 1 - i));
	return is_valid_ether_addr(mac) ? 0 : -EINVAL;
}

static struct net_device *myvdev_net_alloc_netdev(struct myvdev_net *n)
{
	char name[IFNAMSIZ];
	struct net_device *dev;

	/* The lowest free N among this VM's. */
	snprintf(name, sizeof(name), "vm%un%%d", myvmx_vm_id(n->v.vm));
	dev = alloc_netdev(sizeof(n), name, NET_NAME_ENUM, ether_setup);
	if (!dev)
		return NULL;
	*(struct myvdev_net **)netdev_priv(dev) = n;
	dev->netdev_ops = &myvdev_net_ops;
	dev->max_mtu = ETH_DATA_LEN;
	dev->priv_flags |= IFF_LIVE_ADDR_CHANGE;
	eth_hw_addr_random(dev);
	dev_net_set(dev, current->nsproxy->net_ns);
	return dev;
}

static void *myvdev_net_create(struct myvmx_vm *vm,
			       const struct myvmx_create_device *args)
{
	struct myvdev_net *n;
	int err;

	if (args->args[3])
		return ERR_PTR(-EINVAL);
	n = kzalloc(sizeof(*n), GFP_KERNEL_ACCOUNT);
	if (!n)
		return ERR_PTR(-ENOMEM);
	err = myvdev_net_mac(n->guest_mac, args->args[2]);
	if (err)
		goto fail;
	skb_queue_head_init(&n->backlog);
	INIT_WORK(&n->rx_work, myvdev_net_rx_work);
	err = myvdev_virtio_init(&n->v, vm, args, &myvdev_net_vmmio_ops,
				 VIRTIO_ID_NET, BIT_ULL(VIRTIO_NET_F_MAC) |
				 BIT_ULL(VIRTIO_NET_F_STATUS), 2);
	if (err)
		goto fail;
	err = -ENOMEM;
	n->dev = myvdev_net_alloc_netdev(n);
	if (!n->dev)
		goto fail_virtio;
	err = register_netdev(n->dev);
	if (err)
		goto fail_netdev;
	return n;

fail_netdev:
	free_netdev(n->dev);
fail_virtio:
	myvdev_virtio_destroy(&n->v);
fail:
	kfree(n);
	return ERR_PTR(err);
}

/* No vCPU runs any more: no notify schedules the worker. */
static void myvdev_net_destroy(void *priv)
{
	struct myvdev_net *n = priv;

	mutex_lock(&n->v.lock);
	n->gone = true;			/* no more interrupts */
	mutex_unlock(&n->v.lock);
	unregister_netdev(n->dev);
	cancel_work_sync(&n->rx_work);
	skb_queue_purge(&n->backlog);
	free_netdev(n->dev);
	myvdev_virtio_destroy(&n->v);
	kfree(n);
}

/* The VM stopped: the link is down for good. */
static void myvdev_net_stopped(void *priv)
{
	struct myvdev_net *n = priv;

	netif_carrier_off(n->dev);
}

/* The netdev's name now into @name (IFNAMSIZ bytes); its length. */
static size_t myvdev_net_name(struct myvdev_net *n, char *name)
{
	ssize_t len;

	rtnl_lock();			/* renames take it */
	len = strscpy(name, n->dev->name, IFNAMSIZ);
	rtnl_unlock();
	return len;
}

/* The netdev's name and a newline, whole or not at all. */
static ssize_t myvdev_net_fd_read(void *priv, char __user *buf, size_t len,
				  bool nonblock)
{
	struct myvdev_net *n = priv;
	char name[IFNAMSIZ + 1];
	size_t n_len;

	n_len = myvdev_net_name(n, name);
	name[n_len++] = '\n';
	if (len < n_len)
		return -EINVAL;
	return copy_to_user(buf, name, n_len) ? -EFAULT : n_len;
}

/* The guest's view: what it sent is what the netdev received. */
static void myvdev_net_stats(void *priv, struct myvmx_device_stats *s)
{
	struct myvdev_net *n = priv;
	struct rtnl_link_stats64 st;

	dev_get_stats(n->dev, &st);
	mutex_lock(&n->v.lock);
	myvdev_virtio_stats(&n->v, "virtio-net", s);
	mutex_unlock(&n->v.lock);
	BUILD_BUG_ON(sizeof(s->name) < IFNAMSIZ);
	myvdev_net_name(n, s->name);
	myvmx_device_count(s, "tx_packets", st.rx_packets);
	myvmx_device_count(s, "tx_bytes", st.rx_bytes);
	myvmx_device_count(s, "tx_dropped", st.rx_dropped);
	myvmx_device_count(s, "rx_packets", st.tx_packets);
	myvmx_device_count(s, "rx_bytes", st.tx_bytes);
	myvmx_device_count(s, "rx_dropped", st.tx_dropped);
}

const struct myvmx_device_class myvdev_net_class = {
	.type = MYVMX_DEVICE_VIRTIO_NET,
	.name = "myvdev-virtio-net",
	.owner = THIS_MODULE,
	.multi = true,
	.create = myvdev_net_create,
	.destroy = myvdev_net_destroy,
	.stopped = myvdev_net_stopped,
	.read = myvdev_net_fd_read,
	.stats = myvdev_net_stats,
};
