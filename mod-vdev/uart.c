// SPDX-License-Identifier: GPL-2.0
/*
 * The 16550A, as its data sheet and Linux's 8250 driver see it: the
 * divisor latch behind LCR.DLAB, the FIFO control (IIR bits 7-6 report
 * the FIFOs), interrupts for received data and an empty transmitter
 * (reading IIR while it reports THRE, or writing THR, clears it;
 * enabling it with THR empty raises it), the loopback mode that wires
 * MCR's outputs to MSR's inputs, and the scratch register.  Line status
 * never shows errors.
 */
#include <kunit/visibility.h>
#include <linux/module.h>
#include <linux/serial_reg.h>

#include "uart.h"

void myvdev_uart_init(struct myvdev_uart *uart,
		      void (*tx)(struct myvdev_uart *uart, u8 byte))
{
	memset(uart, 0, sizeof(*uart));
	uart->tx = tx;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_uart_init);

static bool myvdev_uart_dlab(const struct myvdev_uart *uart)
{
	return uart->lcr & UART_LCR_DLAB;
}

static bool myvdev_uart_loop(const struct myvdev_uart *uart)
{
	return uart->mcr & UART_MCR_LOOP;
}

/* Byte @byte arrives; false when the FIFO is full (it is lost). */
bool myvdev_uart_receive(struct myvdev_uart *uart, u8 byte)
{
	if (uart->rx_count == MYVDEV_UART_FIFO)
		return false;
	uart->rx[(uart->rx_head + uart->rx_count++) % MYVDEV_UART_FIFO] = byte;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_uart_receive);

static u8 myvdev_uart_iir(struct myvdev_uart *uart)
{
	u8 fifo = uart->fcr & UART_FCR_ENABLE_FIFO ? 0xc0 : 0;

	if (uart->rx_count && (uart->ier & UART_IER_RDI))
		return fifo | UART_IIR_RDI;
	if (uart->thre_pending && (uart->ier & UART_IER_THRI)) {
		uart->thre_pending = false;	/* reading IIR clears it */
		return fifo | UART_IIR_THRI;
	}
	return fifo | UART_IIR_NO_INT;
}

static u8 myvdev_uart_msr(const struct myvdev_uart *uart)
{
	u8 mcr = uart->mcr, msr = 0;

	if (!myvdev_uart_loop(uart))	/* a terminal always there */
		return UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
	if (mcr & UART_MCR_DTR)
		msr |= UART_MSR_DSR;
	if (mcr & UART_MCR_RTS)
		msr |= UART_MSR_CTS;
	if (mcr & UART_MCR_OUT1)
		msr |= UART_MSR_RI;
	if (mcr & UART_MCR_OUT2)
		msr |= UART_MSR_DCD;
	return msr;
}

u8 myvdev_uart_read(struct myvdev_uart *uart, unsigned int reg)
{
	u8 byte;

	switch (reg) {
	case UART_RX:
		if (myvdev_uart_dlab(uart))
			return uart->dll;
		if (!uart->rx_count)
			return 0;
		byte = uart->rx[uart->rx_head];
		uart->rx_head = (uart->rx_head + 1) % MYVDEV_UART_FIFO;
		uart->rx_count--;
		return byte;
	case UART_IER:
		return myvdev_uart_dlab(uart) ? uart->dlm : uart->ier;
	case UART_IIR:
		return myvdev_uart_iir(uart);
	case UART_LCR:
		return uart->lcr;
	case UART_MCR:
		return uart->mcr;
	case UART_LSR:
		return UART_LSR_TEMT | UART_LSR_THRE |
		       (uart->rx_count ? UART_LSR_DR : 0);
	case UART_MSR:
		return myvdev_uart_msr(uart);
	case UART_SCR:
		return uart->scr;
	}
	return 0xff;
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_uart_read);

void myvdev_uart_write(struct myvdev_uart *uart, unsigned int reg, u8 val)
{
	switch (reg) {
	case UART_TX:
		if (myvdev_uart_dlab(uart)) {
			uart->dll = val;
			break;
		}
		if (myvdev_uart_loop(uart))
			myvdev_uart_receive(uart, val);
		else
			uart->tx(uart, val);
		uart->thre_pending = true;	/* sent: empty again */
		break;
	case UART_IER:
		if (myvdev_uart_dlab(uart)) {
			uart->dlm = val;
			break;
		}
		if ((val & UART_IER_THRI) && !(uart->ier & UART_IER_THRI))
			uart->thre_pending = true;
		uart->ier = val & 0x0f;
		break;
	case UART_FCR:
		/* Entering or leaving the FIFO mode clears the FIFOs. */
		if ((val ^ uart->fcr) & UART_FCR_ENABLE_FIFO)
			uart->rx_count = 0;
		if (val & UART_FCR_CLEAR_RCVR)
			uart->rx_count = 0;
		uart->fcr = val & (UART_FCR_ENABLE_FIFO | UART_FCR_TRIGGER_MASK);
		break;
	case UART_LCR:
		uart->lcr = val;
		break;
	case UART_MCR:
		uart->mcr = val & 0x1f;
		break;
	case UART_SCR:
		uart->scr = val;
		break;
	}
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_uart_write);

/* The interrupt line: a pending, enabled interrupt with OUT2 set. */
bool myvdev_uart_irq(const struct myvdev_uart *uart)
{
	if (!(uart->mcr & UART_MCR_OUT2))
		return false;
	return (uart->rx_count && (uart->ier & UART_IER_RDI)) ||
	       (uart->thre_pending && (uart->ier & UART_IER_THRI));
}
EXPORT_SYMBOL_IF_KUNIT(myvdev_uart_irq);
