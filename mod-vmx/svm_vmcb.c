// SPDX-License-Identifier: GPL-2.0
/*
 * The VMCB: its control area (intercepts, permission maps, nested
 * paging, virtual interrupt masking) set once per vCPU, its save area
 * starting in the x86 reset state, and registers moved between it and
 * the uapi structures.  Guest EFER always has SVME set, as VMRUN demands;
 * the guest never sees it.
 */
#include <kunit/visibility.h>
#include <asm/msr-index.h>
#include <asm/processor-flags.h>

#include "svm.h"

void myvmx_vmcb_intercept(struct vmcb *vmcb, unsigned int bit, bool on)
{
	u32 *word = &vmcb->control.intercepts[bit / 32];

	if (on)
		*word |= BIT(bit % 32);
	else
		*word &= ~BIT(bit % 32);
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_vmcb_intercept);

/*
 * What the guest does that exits: the host's interrupts and NMIs, the
 * instructions myvmx emulates, every port and MSR (by the maps), debug
 * registers, and everything SVM or the host's caches would otherwise
 * hand the guest.
 */
static const u8 myvmx_svm_intercepts[] = {
	INTERCEPT_INTR, INTERCEPT_NMI, INTERCEPT_SMI, INTERCEPT_INIT,
	INTERCEPT_CPUID, INTERCEPT_HLT, INTERCEPT_INVD, INTERCEPT_RDPMC,
	INTERCEPT_INVLPGA, INTERCEPT_IOIO_PROT, INTERCEPT_MSR_PROT,
	INTERCEPT_SHUTDOWN,
	INTERCEPT_VMRUN, INTERCEPT_VMMCALL, INTERCEPT_VMLOAD,
	INTERCEPT_VMSAVE, INTERCEPT_STGI, INTERCEPT_CLGI, INTERCEPT_SKINIT,
	INTERCEPT_WBINVD, INTERCEPT_MONITOR, INTERCEPT_MWAIT,
	INTERCEPT_MWAIT_COND, INTERCEPT_XSETBV, INTERCEPT_RDPRU,
};

static void myvmx_reset_seg(struct vmcb_seg *seg, u16 attrib)
{
	seg->selector = 0;
	seg->attrib = attrib;
	seg->limit = 0xffff;
	seg->base = 0;
}

void myvmx_vmcb_setup(struct myvmx_svm_vcpu *sv, u64 ncr3)
{
	struct vmcb_control_area *c = &sv->vmcb->control;
	struct vmcb_save_area *s = &sv->vmcb->save;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(myvmx_svm_intercepts); i++)
		myvmx_vmcb_intercept(sv->vmcb, myvmx_svm_intercepts[i], true);
	/* Debug registers: reads give reset values, writes are dropped. */
	c->intercepts[INTERCEPT_DR] = 0xffffffff;
	c->iopm_base_pa = myvmx_svm_iopm_pa();
	c->msrpm_base_pa = myvmx_svm_msrpm_pa();
	/* The host's IF keeps its interrupts; the guest's IF, its own. */
	c->int_ctl = V_INTR_MASKING_MASK;
	c->nested_ctl = SVM_NESTED_CTL_NP_ENABLE;
	c->nested_cr3 = ncr3;

	/* 16-bit real mode, as after RESET (AMD APM vol. 2, 14.1.3). */
	myvmx_reset_seg(&s->cs, 0x9b);	/* present, code, read, accessed */
	s->cs.selector = 0xf000;
	s->cs.base = 0xffff0000;
	myvmx_reset_seg(&s->ds, 0x93);	/* present, data, write, accessed */
	myvmx_reset_seg(&s->es, 0x93);
	myvmx_reset_seg(&s->ss, 0x93);
	myvmx_reset_seg(&s->fs, 0x93);
	myvmx_reset_seg(&s->gs, 0x93);
	myvmx_reset_seg(&s->ldtr, 0x82);	/* LDT */
	myvmx_reset_seg(&s->tr, 0x8b);	/* busy TSS */
	s->gdtr.limit = 0xffff;
	s->idtr.limit = 0xffff;
	s->cr0 = X86_CR0_ET | X86_CR0_CD | X86_CR0_NW;
	s->efer = EFER_SVME;
	s->dr6 = 0xffff0ff0;
	s->dr7 = 0x400;
	s->rflags = X86_EFLAGS_FIXED;
	s->g_pat = 0x0007040600070406ULL;	/* the reset PAT */
	sv->dirty = MYVMX_VMCB_ALL;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_vmcb_setup);

static void myvmx_get_seg(struct myvmx_segment *d, const struct vmcb_seg *s)
{
	d->selector = s->selector;
	d->base = s->base;
	d->limit = s->limit;
	d->type = s->attrib & SVM_SELECTOR_TYPE_MASK;
	d->s = !!(s->attrib & SVM_SELECTOR_S_MASK);
	d->dpl = (s->attrib & SVM_SELECTOR_DPL_MASK) >> SVM_SELECTOR_DPL_SHIFT;
	d->present = !!(s->attrib & SVM_SELECTOR_P_MASK);
	d->avl = !!(s->attrib & SVM_SELECTOR_AVL_MASK);
	d->l = !!(s->attrib & SVM_SELECTOR_L_MASK);
	d->db = !!(s->attrib & SVM_SELECTOR_DB_MASK);
	d->g = !!(s->attrib & SVM_SELECTOR_G_MASK);
	/* SVM has no "unusable": a segment not present is. */
	d->unusable = !d->present;
}

static void myvmx_set_seg(struct vmcb_seg *d, const struct myvmx_segment *s)
{
	d->selector = s->selector;
	d->base = s->base;
	d->limit = s->limit;
	d->attrib = s->unusable ? 0 :
		    (s->type & SVM_SELECTOR_TYPE_MASK) |
		    s->s << SVM_SELECTOR_S_SHIFT |
		    (s->dpl & 3) << SVM_SELECTOR_DPL_SHIFT |
		    s->present << SVM_SELECTOR_P_SHIFT |
		    s->avl << SVM_SELECTOR_AVL_SHIFT |
		    s->l << SVM_SELECTOR_L_SHIFT |
		    s->db << SVM_SELECTOR_DB_SHIFT |
		    s->g << SVM_SELECTOR_G_SHIFT;
}

void myvmx_svm_get_sregs(struct myvmx_svm_vcpu *sv, struct myvmx_sregs *s)
{
	const struct vmcb_save_area *v = &sv->vmcb->save;

	myvmx_get_seg(&s->cs, &v->cs);
	myvmx_get_seg(&s->ds, &v->ds);
	myvmx_get_seg(&s->es, &v->es);
	myvmx_get_seg(&s->fs, &v->fs);
	myvmx_get_seg(&s->gs, &v->gs);
	myvmx_get_seg(&s->ss, &v->ss);
	myvmx_get_seg(&s->tr, &v->tr);
	myvmx_get_seg(&s->ldt, &v->ldtr);
	s->gdt.base = v->gdtr.base;
	s->gdt.limit = v->gdtr.limit;
	s->idt.base = v->idtr.base;
	s->idt.limit = v->idtr.limit;
	s->cr0 = v->cr0;
	s->cr2 = v->cr2;
	s->cr3 = v->cr3;
	s->cr4 = v->cr4;
	s->efer = v->efer & ~EFER_SVME;
}

void myvmx_svm_set_sregs(struct myvmx_svm_vcpu *sv,
			 const struct myvmx_sregs *s)
{
	struct vmcb_save_area *v = &sv->vmcb->save;

	myvmx_set_seg(&v->cs, &s->cs);
	myvmx_set_seg(&v->ds, &s->ds);
	myvmx_set_seg(&v->es, &s->es);
	myvmx_set_seg(&v->fs, &s->fs);
	myvmx_set_seg(&v->gs, &s->gs);
	myvmx_set_seg(&v->ss, &s->ss);
	myvmx_set_seg(&v->tr, &s->tr);
	myvmx_set_seg(&v->ldtr, &s->ldt);
	v->cpl = s->ss.dpl;
	v->gdtr.base = s->gdt.base;
	v->gdtr.limit = s->gdt.limit;
	v->idtr.base = s->idt.base;
	v->idtr.limit = s->idt.limit;
	v->cr0 = s->cr0;
	v->cr2 = s->cr2;
	v->cr3 = s->cr3;
	v->cr4 = s->cr4;
	v->efer = s->efer | EFER_SVME;
	sv->dirty = MYVMX_VMCB_ALL;
}
