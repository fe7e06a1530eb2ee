/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A VM's console output: a ring of the last MYVDEV_CONSOLE_SIZE bytes the
 * guest wrote to its UART, read through the platform device's fd.
 */
#ifndef _MYVDEV_CONSOLE_H
#define _MYVDEV_CONSOLE_H

#include <linux/poll.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

#define MYVDEV_CONSOLE_SIZE	(64 * 1024)

struct myvdev_console {
	spinlock_t lock;	/* all below; the guest writes under it */
	u8 *buf;
	u64 head, tail;		/* bytes written and read, ever */
	bool closed;		/* the VM stopped: EOF once read out */
	wait_queue_head_t wq;
};

int myvdev_console_init(struct myvdev_console *con);
void myvdev_console_free(struct myvdev_console *con);
void myvdev_console_put(struct myvdev_console *con, u8 byte);
void myvdev_console_close(struct myvdev_console *con);
ssize_t myvdev_console_read(struct myvdev_console *con, char __user *ubuf,
			    size_t len, bool nonblock);
__poll_t myvdev_console_poll(struct myvdev_console *con, struct file *file,
			     poll_table *wait);

#endif /* _MYVDEV_CONSOLE_H */
