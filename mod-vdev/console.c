// SPDX-License-Identifier: GPL-2.0
/*
 * The console ring: the guest's writer never waits; when the ring is
 * full the oldest bytes make room.  Readers get what is new since their
 * last read, at most a page per read; once the VM has stopped and the
 * ring is read out, end of file.
 */
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "console.h"

int myvdev_console_init(struct myvdev_console *con)
{
	spin_lock_init(&con->lock);
	init_waitqueue_head(&con->wq);
	con->head = 0;
	con->tail = 0;
	con->closed = false;
	con->buf = vmalloc(MYVDEV_CONSOLE_SIZE);
	return con->buf ? 0 : -ENOMEM;
}

void myvdev_console_free(struct myvdev_console *con)
{
	vfree(con->buf);
}

void myvdev_console_put(struct myvdev_console *con, u8 byte)
{
	unsigned long flags;

	spin_lock_irqsave(&con->lock, flags);
	if (con->head - con->tail == MYVDEV_CONSOLE_SIZE)
		con->tail++;
	con->buf[con->head++ % MYVDEV_CONSOLE_SIZE] = byte;
	spin_unlock_irqrestore(&con->lock, flags);
	if (wq_has_sleeper(&con->wq))
		wake_up_interruptible(&con->wq);
}

void myvdev_console_close(struct myvdev_console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&con->lock, flags);
	con->closed = true;
	spin_unlock_irqrestore(&con->lock, flags);
	wake_up_interruptible(&con->wq);
}

/* Nothing to read; *closed: and nothing will come. */
static bool myvdev_console_empty(struct myvdev_console *con, bool *closed)
{
	unsigned long flags;
	bool empty;

	spin_lock_irqsave(&con->lock, flags);
	empty = con->head == con->tail;
	*closed = con->closed;
	spin_unlock_irqrestore(&con->lock, flags);
	return empty;
}

static bool myvdev_console_readable(struct myvdev_console *con)
{
	bool closed;

	return !myvdev_console_empty(con, &closed) || closed;
}

/* Up to @len bytes into @out; returns how many. */
static size_t myvdev_console_take(struct myvdev_console *con, u8 *out,
				  size_t len)
{
	unsigned long flags;
	size_t n, i;

	spin_lock_irqsave(&con->lock, flags);
	n = min_t(u64, len, con->head - con->tail);
	for (i = 0; i < n; i++)
		out[i] = con->buf[(con->tail + i) % MYVDEV_CONSOLE_SIZE];
	con->tail += n;
	spin_unlock_irqrestore(&con->lock, flags);
	return n;
}

ssize_t myvdev_console_read(struct myvdev_console *con, char __user *ubuf,
			    size_t len, bool nonblock)
{
	bool closed;
	size_t n;
	u8 *page;
	int err;

	if (!len)
		return 0;
	while (myvdev_console_empty(con, &closed)) {
		if (closed)
			return 0;
		if (nonblock)
			return -EAGAIN;
		err = wait_event_interruptible(con->wq,
					       myvdev_console_readable(con));
		if (err)
			return err;
	}
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	n = myvdev_console_take(con, page, min_t(size_t, len, PAGE_SIZE));
	err = copy_to_user(ubuf, page, n) ? -EFAULT : 0;
	kfree(page);
	return err ?: n;
}

__poll_t myvdev_console_poll(struct myvdev_console *con, struct file *file,
			     poll_table *wait)
{
	bool closed, empty;

	poll_wait(file, &con->wq, wait);
	empty = myvdev_console_empty(con, &closed);
	return (empty ? 0 : EPOLLIN | EPOLLRDNORM) | (closed ? EPOLLHUP : 0) |
	       EPOLLOUT | EPOLLWRNORM;
}
