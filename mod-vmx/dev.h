/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MYVMX_DEV_H
#define _MYVMX_DEV_H

int myvmx_dev_init(void);
void myvmx_dev_uninit(void);

#endif /* _MYVMX_DEV_H */
