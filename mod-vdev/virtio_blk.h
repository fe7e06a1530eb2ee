/* SPDX-License-Identifier: GPL-2.0 */
#ifndef MYVDEV_VIRTIO_BLK_H
#define MYVDEV_VIRTIO_BLK_H

#include <myvmx_device.h>

extern const struct myvmx_device_class myvdev_blk_class;

#endif /* MYVDEV_VIRTIO_BLK_H */
