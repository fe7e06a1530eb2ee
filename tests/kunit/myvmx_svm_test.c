// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: myvmx's AMD-V backend logic that needs no SVM operation, and the
 * exit vocabulary both backends share.  The VMCB layout the backend
 * relies on (offsets from the AMD64 APM vol. 2, appendix B), the
 * intercept bits and the MSR permission map, the initial VMCB and the
 * per-CPU ASID generations (nested page tables are tested with EPT, in
 * myvmx_test.c).  Every expected
 * value is written out by hand from the APM.
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <asm/msr-index.h>
#include <asm/svm.h>
#include <asm/vmx.h>

#include "../../mod-vmx/svm.h"
#include "../../mod-vmx/vmx.h"

/* VMCB layout: the fields the backend reads and writes. */
static void vmcb_layout_offsets(struct kunit *test)
{
	static const struct {
		const char *name;
		size_t offset, apm;
	} fields[] = {
		{ "intercepts (CR reads)", offsetof(struct vmcb, control.intercepts), 0x000 },
		{ "IOPM_BASE_PA", offsetof(struct vmcb, control.iopm_base_pa), 0x040 },
		{ "MSRPM_BASE_PA", offsetof(struct vmcb, control.msrpm_base_pa), 0x048 },
		{ "guest ASID", offsetof(struct vmcb, control.asid), 0x058 },
		{ "TLB_CONTROL", offsetof(struct vmcb, control.tlb_ctl), 0x05c },
		{ "V_IRQ etc.", offsetof(struct vmcb, control.int_ctl), 0x060 },
		{ "interrupt shadow", offsetof(struct vmcb, control.int_state), 0x068 },
		{ "EXITCODE", offsetof(struct vmcb, control.exit_code), 0x070 },
		{ "EXITINFO1", offsetof(struct vmcb, control.exit_info_1), 0x078 },
		{ "EXITINFO2", offsetof(struct vmcb, control.exit_info_2), 0x080 },
		{ "EXITINTINFO", offsetof(struct vmcb, control.exit_int_info), 0x088 },
		{ "NP_ENABLE", offsetof(struct vmcb, control.nested_ctl), 0x090 },
		{ "EVENTINJ", offsetof(struct vmcb, control.event_inj), 0x0a8 },
		{ "N_CR3", offsetof(struct vmcb, control.nested_cr3), 0x0b0 },
		{ "VMCB clean bits", offsetof(struct vmcb, control.clean), 0x0c0 },
		{ "nRIP", offsetof(struct vmcb, control.next_rip), 0x0c8 },
		{ "guest instruction bytes", offsetof(struct vmcb, control.insn_bytes), 0x0d1 },
		{ "ES", offsetof(struct vmcb, save.es), 0x400 },
		{ "CS", offsetof(struct vmcb, save.cs), 0x410 },
		{ "GDTR", offsetof(struct vmcb, save.gdtr), 0x460 },
		{ "TR", offsetof(struct vmcb, save.tr), 0x490 },
		{ "CPL", offsetof(struct vmcb, save.cpl), 0x4cb },
		{ "EFER", offsetof(struct vmcb, save.efer), 0x4d0 },
		{ "CR4", offsetof(struct vmcb, save.cr4), 0x548 },
		{ "CR3", offsetof(struct vmcb, save.cr3), 0x550 },
		{ "CR0", offsetof(struct vmcb, save.cr0), 0x558 },
		{ "DR7", offsetof(struct vmcb, save.dr7), 0x560 },
		{ "DR6", offsetof(struct vmcb, save.dr6), 0x568 },
		{ "RFLAGS", offsetof(struct vmcb, save.rflags), 0x570 },
		{ "RIP", offsetof(struct vmcb, save.rip), 0x578 },
		{ "RSP", offsetof(struct vmcb, save.rsp), 0x5d8 },
		{ "RAX", offsetof(struct vmcb, save.rax), 0x5f8 },
		{ "STAR", offsetof(struct vmcb, save.star), 0x600 },
		{ "KernelGsBase", offsetof(struct vmcb, save.kernel_gs_base), 0x620 },
		{ "SYSENTER_CS", offsetof(struct vmcb, save.sysenter_cs), 0x628 },
		{ "CR2", offsetof(struct vmcb, save.cr2), 0x640 },
		{ "G_PAT", offsetof(struct vmcb, save.g_pat), 0x668 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fields); i++)
		KUNIT_EXPECT_EQ_MSG(test, fields[i].offset, fields[i].apm,
				    "%s", fields[i].name);
	KUNIT_EXPECT_LE(test, sizeof(struct vmcb), (size_t)PAGE_SIZE);
}

/* Intercept numbers are bit positions in 32-bit words from offset 0. */
static void vmcb_intercept_bits(struct kunit *test)
{
	struct vmcb *vmcb = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	u8 *raw = (u8 *)vmcb;

	KUNIT_ASSERT_NOT_NULL(test, vmcb);
	myvmx_vmcb_intercept(vmcb, INTERCEPT_INTR, true);	/* 00Ch bit 0 */
	myvmx_vmcb_intercept(vmcb, INTERCEPT_CPUID, true);	/* 00Ch bit 18 */
	myvmx_vmcb_intercept(vmcb, INTERCEPT_HLT, true);	/* 00Ch bit 24 */
	myvmx_vmcb_intercept(vmcb, INTERCEPT_IOIO_PROT, true);	/* bit 27 */
	myvmx_vmcb_intercept(vmcb, INTERCEPT_SHUTDOWN, true);	/* bit 31 */
	myvmx_vmcb_intercept(vmcb, INTERCEPT_VMRUN, true);	/* 010h bit 0 */
	myvmx_vmcb_intercept(vmcb, INTERCEPT_XSETBV, true);	/* 010h bit 13 */
	KUNIT_EXPECT_EQ(test, vmcb->control.intercepts[3],
			BIT(0) | BIT(18) | BIT(24) | BIT(27) | BIT(31));
	KUNIT_EXPECT_EQ(test, vmcb->control.intercepts[4], BIT(0) | BIT(13));
	KUNIT_EXPECT_EQ(test, raw[0x0f], 0x89);	/* bits 31, 27, 24: 0x89 */
	KUNIT_EXPECT_EQ(test, raw[0x10], 0x01);
	KUNIT_EXPECT_EQ(test, raw[0x11], 0x20);
	myvmx_vmcb_intercept(vmcb, INTERCEPT_HLT, false);
	KUNIT_EXPECT_EQ(test, vmcb->control.intercepts[3],
			BIT(0) | BIT(18) | BIT(27) | BIT(31));
	KUNIT_EXPECT_EQ(test, vmcb->control.intercepts[0], 0U);
	KUNIT_EXPECT_EQ(test, vmcb->control.intercepts[5], 0U);
}

/* Two bits per MSR (read, write) in three 2 KiB ranges. */
static void msrpm_passthrough_bits(struct kunit *test)
{
	u8 *map = kunit_kmalloc(test, 2 * PAGE_SIZE, GFP_KERNEL);
	unsigned int i, cleared = 0;

	KUNIT_ASSERT_NOT_NULL(test, map);
	memset(map, 0xff, 2 * PAGE_SIZE);
	myvmx_msrpm_passthrough(map, 0x10);		/* TSC: byte 4, bits 0-1 */
	myvmx_msrpm_passthrough(map, MSR_FS_BASE);	/* 0x800 + 0x40 */
	myvmx_msrpm_passthrough(map, MSR_GS_BASE);	/* same byte, bits 2-3 */
	myvmx_msrpm_passthrough(map, 0xc0011fff);	/* the last: 0x17ff bits 6-7 */
	myvmx_msrpm_passthrough(map, 0x2000);		/* no range: ignored */
	myvmx_msrpm_passthrough(map, 0xc0002000);	/* no range: ignored */
	KUNIT_EXPECT_EQ(test, map[0x004], 0xfc);
	KUNIT_EXPECT_EQ(test, map[0x840], 0xf0);
	KUNIT_EXPECT_EQ(test, map[0x17ff], 0x3f);
	for (i = 0; i < 2 * PAGE_SIZE; i++)
		cleared += 8 - hweight8(map[i]);
	KUNIT_EXPECT_EQ(test, cleared, 8U);
}

/* The VMCB a vCPU starts with: intercepts, paging, the reset state. */
static void vmcb_initial_state(struct kunit *test)
{
	struct myvmx_svm_vcpu sv = { 0 };
	struct vmcb_control_area *c;
	struct vmcb_save_area *s;

	sv.vmcb = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sv.vmcb);
	myvmx_vmcb_setup(&sv, 0x12345000);
	c = &sv.vmcb->control;
	s = &sv.vmcb->save;
	/*
	 * INTR, NMI, SMI, INIT 3:0, RDPMC 15, CPUID 18, INVD 22, HLT 24,
	 * INVLPGA 26, IOIO 27, MSR 28, SHUTDOWN 31
	 */
	KUNIT_EXPECT_EQ(test, c->intercepts[3], 0x9d44800fU);
	/* VMRUN..SKINIT, WBINVD, MONITOR, MWAIT, MWAIT_COND, XSETBV, RDPRU */
	KUNIT_EXPECT_EQ(test, c->intercepts[4], 0x7e7fU);
	KUNIT_EXPECT_EQ(test, c->intercepts[1], 0xffffffffU);	/* DRs */
	KUNIT_EXPECT_EQ(test, c->intercepts[0], 0U);
	KUNIT_EXPECT_EQ(test, c->nested_ctl, 1ULL);
	KUNIT_EXPECT_EQ(test, c->nested_cr3, 0x12345000ULL);
	KUNIT_EXPECT_EQ(test, c->int_ctl, BIT(24));	/* V_INTR_MASKING */
	KUNIT_EXPECT_EQ(test, c->asid, 0U);	/* given at the first run */
	KUNIT_EXPECT_EQ(test, s->cs.attrib, 0x9b);
	KUNIT_EXPECT_EQ(test, s->cs.selector, 0xf000);
	KUNIT_EXPECT_EQ(test, s->cs.base, 0xffff0000ULL);
	KUNIT_EXPECT_EQ(test, s->cs.limit, 0xffffU);
	KUNIT_EXPECT_EQ(test, s->ds.attrib, 0x93);
	KUNIT_EXPECT_EQ(test, s->tr.attrib, 0x8b);
	KUNIT_EXPECT_EQ(test, s->cr0, 0x60000010ULL);
	KUNIT_EXPECT_EQ(test, s->efer, EFER_SVME);	/* VMRUN needs it */
	KUNIT_EXPECT_EQ(test, s->dr6, 0xffff0ff0ULL);
	KUNIT_EXPECT_EQ(test, s->dr7, 0x400ULL);
	KUNIT_EXPECT_EQ(test, s->rflags, 2ULL);
	KUNIT_EXPECT_EQ(test, s->g_pat, 0x0007040600070406ULL);
	KUNIT_EXPECT_EQ(test, sv.dirty, (u32)MYVMX_VMCB_ALL);
}

/* ASIDs 1..max, then a new generation that flushes every ASID. */
static void asid_generations(struct kunit *test)
{
	struct myvmx_asid_space space = { 0 };
	u64 gen, first_gen;
	u32 asid, i;

	myvmx_asid_reset(&space, 4);	/* ASIDs 1, 2, 3 for guests */
	/* What ran before is unknown: the first one flushes everything. */
	KUNIT_EXPECT_EQ(test, myvmx_asid_new(&space, &asid, &first_gen),
			(u8)TLB_CONTROL_FLUSH_ALL_ASID);
	KUNIT_EXPECT_EQ(test, asid, 1U);
	for (i = 2; i <= 3; i++) {
		KUNIT_EXPECT_EQ(test, myvmx_asid_new(&space, &asid, &gen),
				(u8)TLB_CONTROL_DO_NOTHING);
		KUNIT_EXPECT_EQ(test, asid, i);
		KUNIT_EXPECT_EQ(test, gen, first_gen);
	}
	/* Exhausted: recycled from 1 in a new generation, with a flush. */
	KUNIT_EXPECT_EQ(test, myvmx_asid_new(&space, &asid, &gen),
			(u8)TLB_CONTROL_FLUSH_ALL_ASID);
	KUNIT_EXPECT_EQ(test, asid, 1U);
	KUNIT_EXPECT_EQ(test, gen, first_gen + 1);
	KUNIT_EXPECT_EQ(test, space.generation, gen);
	/* ASID 0 is the host's: never handed out. */
	for (i = 0; i < 20; i++) {
		myvmx_asid_new(&space, &asid, &gen);
		KUNIT_EXPECT_GE(test, asid, 1U);
		KUNIT_EXPECT_LE(test, asid, 3U);
	}
	/*
	 * Re-enabling SVM on the CPU (it came back online) starts a
	 * generation again: what a vCPU held from before no longer counts.
	 */
	first_gen = gen;
	myvmx_asid_reset(&space, 4);
	KUNIT_EXPECT_NE(test, space.generation, first_gen);
	KUNIT_EXPECT_EQ(test, myvmx_asid_new(&space, &asid, &gen),
			(u8)TLB_CONTROL_FLUSH_ALL_ASID);
	KUNIT_EXPECT_EQ(test, asid, 1U);
	KUNIT_EXPECT_NE(test, gen, first_gen);
}

/* Both backends count the same events under the same names. */
static void exit_kinds_shared(struct kunit *test)
{
	static const struct {
		u32 vmx, svm;
		u64 svm_info1;
		const char *name;
	} same[] = {
		{ EXIT_REASON_IO_INSTRUCTION, SVM_EXIT_IOIO, 0, "io" },
		{ EXIT_REASON_EPT_VIOLATION, SVM_EXIT_NPF, 0, "mmio" },
		{ EXIT_REASON_HLT, SVM_EXIT_HLT, 0, "hlt" },
		{ EXIT_REASON_CPUID, SVM_EXIT_CPUID, 0, "cpuid" },
		{ EXIT_REASON_MSR_READ, SVM_EXIT_MSR, 0, "msr_read" },
		{ EXIT_REASON_MSR_WRITE, SVM_EXIT_MSR, 1, "msr_write" },
		{ EXIT_REASON_DR_ACCESS, SVM_EXIT_WRITE_DR7, 0, "dr_access" },
		{ EXIT_REASON_EXTERNAL_INTERRUPT, SVM_EXIT_INTR, 0,
		  "external_interrupt" },
		{ EXIT_REASON_EXCEPTION_NMI, SVM_EXIT_NMI, 0, "nmi" },
		{ EXIT_REASON_INTERRUPT_WINDOW, SVM_EXIT_VINTR, 0,
		  "interrupt_window" },
		{ EXIT_REASON_TRIPLE_FAULT, SVM_EXIT_SHUTDOWN, 0, "shutdown" },
		{ EXIT_REASON_VMCALL, SVM_EXIT_VMMCALL, 0, "invalid_opcode" },
		{ EXIT_REASON_XSETBV, SVM_EXIT_XSETBV, 0, "invalid_opcode" },
		{ EXIT_REASON_WBINVD, SVM_EXIT_WBINVD, 0, "cache" },
		{ VMX_EXIT_REASONS_FAILED_VMENTRY | 33, (u32)SVM_EXIT_ERR, 0,
		  "failed_entry" },
		{ EXIT_REASON_PAUSE_INSTRUCTION, SVM_EXIT_PAUSE, 0, "other" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(same); i++) {
		enum myvmx_exit_kind vmx = myvmx_vmx_exit_kind(same[i].vmx);
		enum myvmx_exit_kind svm = myvmx_svm_exit_kind(same[i].svm,
							       same[i].svm_info1);

		KUNIT_EXPECT_EQ_MSG(test, vmx, svm, "%s", same[i].name);
		KUNIT_EXPECT_STREQ(test, myvmx_exit_kind_name(vmx),
				   same[i].name);
	}
	KUNIT_EXPECT_EQ(test, myvmx_vmx_exit_kind(EXIT_REASON_PREEMPTION_TIMER),
			MYVMX_KIND_PREEMPTION_TIMER);
	KUNIT_EXPECT_STREQ(test, myvmx_exit_kind_name(MYVMX_KIND_COUNT),
			   "other");
	for (i = 0; i < MYVMX_KIND_COUNT; i++)
		KUNIT_EXPECT_NOT_NULL(test, myvmx_exit_kind_name(i));
}

static struct kunit_case myvmx_svm_test_cases[] = {
	KUNIT_CASE(vmcb_layout_offsets),
	KUNIT_CASE(vmcb_intercept_bits),
	KUNIT_CASE(msrpm_passthrough_bits),
	KUNIT_CASE(vmcb_initial_state),
	KUNIT_CASE(asid_generations),
	KUNIT_CASE(exit_kinds_shared),
	{}
};

static struct kunit_suite myvmx_svm_test_suite = {
	.name = "myvmx_svm",
	.test_cases = myvmx_svm_test_cases,
};

kunit_test_suite(myvmx_svm_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for myvmx's AMD-V backend and exit vocabulary");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
