/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVXLAN_DEVICE_H
#define _MYVXLAN_DEVICE_H

int myvxlan_device_init(void);
void myvxlan_device_uninit(void);

#endif /* _MYVXLAN_DEVICE_H */
