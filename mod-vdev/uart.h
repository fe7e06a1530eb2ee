/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A 16550A UART (8 registers from its base port).  Transmitted bytes go
 * to ->tx at once, so the transmitter is always empty; received bytes
 * wait in the 16-byte FIFO.  myvdev_uart_irq is the interrupt line's
 * level (gated by MCR OUT2, as PCs wire it).  Pure state; the caller
 * serializes.
 */
#ifndef _MYVDEV_UART_H
#define _MYVDEV_UART_H

#include <linux/types.h>

#define MYVDEV_UART_FIFO	16

struct myvdev_uart {
	u8 ier, lcr, mcr, scr, dll, dlm, fcr;
	bool thre_pending;	/* the THR-empty interrupt is up */
	u8 rx[MYVDEV_UART_FIFO];
	unsigned int rx_head, rx_count;
	void (*tx)(struct myvdev_uart *uart, u8 byte);
};

void myvdev_uart_init(struct myvdev_uart *uart,
		      void (*tx)(struct myvdev_uart *uart, u8 byte));
void myvdev_uart_write(struct myvdev_uart *uart, unsigned int reg, u8 val);
u8 myvdev_uart_read(struct myvdev_uart *uart, unsigned int reg);
bool myvdev_uart_receive(struct myvdev_uart *uart, u8 byte);
bool myvdev_uart_irq(const struct myvdev_uart *uart);

#endif /* _MYVDEV_UART_H */
