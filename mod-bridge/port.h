/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_PORT_H
#define _MYBRIDGE_PORT_H

#include "bridge.h"

/* ndo_add_slave and ndo_del_slave of the switch; RTNL held. */
int mybridge_port_add(struct mybridge *br, struct net_device *dev,
		      struct netlink_ext_ack *extack);
int mybridge_port_del(struct mybridge *br, struct net_device *dev);

/* Release every port (the switch is going away); RTNL held. */
void mybridge_port_del_all(struct mybridge *br);

/* The port of @br that @dev is, or NULL; RTNL or RCU held. */
struct mybridge_port *mybridge_port_of(struct mybridge *br,
				       struct net_device *dev);

int mybridge_port_init(void);
void mybridge_port_uninit(void);

#endif /* _MYBRIDGE_PORT_H */
