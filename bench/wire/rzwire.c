// SPDX-License-Identifier: GPL-2.0
/*
 * rzwire: the cheapest switch there is, for bench/bridge.sh's floor.
 *
 *   ip netns exec NS insmod rzwire.ko in=p0 out=p1
 *
 * Every frame received on "in" is sent out of "out" as it is: no
 * learning, no lookup, no counters.  It takes frames where mybridge and
 * Linux's bridge take them (an rx_handler) and hands them on as they do
 * (dev_queue_xmit), so a run through it costs what any such switch must
 * pay around its own work: pktgen, both veth hops and the sink's drop.
 * The devices are looked up in the network namespace of the process that
 * loads the module; deleting either of them ends the wire.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/etherdevice.h>
#include <net/net_namespace.h>

static char *in_name;
static char *out_name;
module_param_named(in, in_name, charp, 0444);
MODULE_PARM_DESC(in, "the device frames come in on");
module_param_named(out, out_name, charp, 0444);
MODULE_PARM_DESC(out, "the device they are sent out of");

/* Both set or both NULL, under RTNL; the pair holds a reference to each. */
static struct net_device *in_dev;
static struct net_device *out_dev;

static rx_handler_result_t rzwire_rx(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;

	skb_push(skb, ETH_HLEN);
	skb->dev = rcu_dereference(skb->dev->rx_handler_data);
	dev_queue_xmit(skb);
	return RX_HANDLER_CONSUMED;
}

static void rzwire_unwire(void)
{
	ASSERT_RTNL();
	if (!in_dev)
		return;
	netdev_rx_handler_unregister(in_dev);
	dev_put(in_dev);
	dev_put(out_dev);
	in_dev = NULL;
	out_dev = NULL;
}

/* A device of the pair going away takes the wire with it. */
static int rzwire_netdev_event(struct notifier_block *nb,
			       unsigned long event, void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);

	if (event == NETDEV_UNREGISTER && (dev == in_dev || dev == out_dev))
		rzwire_unwire();
	return NOTIFY_DONE;
}

static struct notifier_block rzwire_notifier = {
	.notifier_call = rzwire_netdev_event,
};

static int __init rzwire_init(void)
{
	struct net *net = current->nsproxy->net_ns;
	struct net_device *in, *out;
	int err;

	if (!in_name || !out_name)
		return -EINVAL;
	err = register_netdevice_notifier(&rzwire_notifier);
	if (err)
		return err;
	rtnl_lock();
	in = __dev_get_by_name(net, in_name);
	out = __dev_get_by_name(net, out_name);
	err = -ENODEV;
	if (in && out && in != out)
		err = netdev_rx_handler_register(in, rzwire_rx, out);
	if (!err) {
		dev_hold(in);
		dev_hold(out);
		in_dev = in;
		out_dev = out;
	}
	rtnl_unlock();
	if (err)
		unregister_netdevice_notifier(&rzwire_notifier);
	return err;
}

static void __exit rzwire_exit(void)
{
	rtnl_lock();
	rzwire_unwire();
	rtnl_unlock();
	unregister_netdevice_notifier(&rzwire_notifier);
}

module_init(rzwire_init);
module_exit(rzwire_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("bench: a switch that only forwards, for a floor");
