/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYBRIDGE_DEVICE_H
#define _MYBRIDGE_DEVICE_H

int mybridge_device_init(void);
void mybridge_device_uninit(void);

#endif /* _MYBRIDGE_DEVICE_H */
