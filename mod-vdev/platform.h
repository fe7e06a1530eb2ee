/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVDEV_PLATFORM_H
#define _MYVDEV_PLATFORM_H

#include <myvmx_device.h>

extern const struct myvmx_device_class myvdev_platform_class;

#endif /* _MYVDEV_PLATFORM_H */
