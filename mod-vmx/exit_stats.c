// SPDX-License-Identifier: GPL-2.0
/*
 * The names of enum myvmx_exit_kind: the one vocabulary in which both
 * backends count their exits (uapi/myvmx.h).
 */
#include <kunit/visibility.h>
#include <linux/kernel.h>

#include "vmm.h"

static const char *const myvmx_exit_kind_names[MYVMX_KIND_COUNT] = {
	[MYVMX_KIND_OTHER]		= "other",
	[MYVMX_KIND_IO]			= "io",
	[MYVMX_KIND_MMIO]		= "mmio",
	[MYVMX_KIND_HLT]		= "hlt",
	[MYVMX_KIND_CPUID]		= "cpuid",
	[MYVMX_KIND_MSR_READ]		= "msr_read",
	[MYVMX_KIND_MSR_WRITE]		= "msr_write",
	[MYVMX_KIND_CR_ACCESS]		= "cr_access",
	[MYVMX_KIND_DR_ACCESS]		= "dr_access",
	[MYVMX_KIND_EXTERNAL_INTERRUPT]	= "external_interrupt",
	[MYVMX_KIND_NMI]		= "nmi",
	[MYVMX_KIND_INTERRUPT_WINDOW]	= "interrupt_window",
	[MYVMX_KIND_PREEMPTION_TIMER]	= "preemption_timer",
	[MYVMX_KIND_SHUTDOWN]		= "shutdown",
	[MYVMX_KIND_FAILED_ENTRY]	= "failed_entry",
	[MYVMX_KIND_INVALID_OPCODE]	= "invalid_opcode",
	[MYVMX_KIND_CACHE]		= "cache",
};

const char *myvmx_exit_kind_name(unsigned int kind)
{
	if (kind >= MYVMX_KIND_COUNT)
		return "other";
	return myvmx_exit_kind_names[kind];
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_exit_kind_name);
