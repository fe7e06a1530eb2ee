/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MYVDEV_VIRTIO_NET_H
#define MYVDEV_VIRTIO_NET_H

#include <myvmx_device.h>

extern const struct myvmx_device_class myvdev_net_class;

#endif /* MYVDEV_VIRTIO_NET_H */
