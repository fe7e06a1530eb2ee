// SPDX-License-Identifier: GPL-2.0
/*
 * The VT-x backend behind struct myvmx_backend: VMs get an EPT, vCPUs a
 * VMCS, a VPID, an MSR bitmap and an FPU save area; registers move between
 * the uapi structures and the VMCS here.
 */
#include <linux/idr.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <asm/fpu/types.h>
#include <asm/msr-index.h>

#include "vmx.h"

static DEFINE_IDA(myvmx_vpids);

static int myvmx_vmx_vm_init(struct myvmx_vm *vm)
{
	struct myvmx_tdp *ept;
	int err;

	ept = kzalloc(sizeof(*ept), GFP_KERNEL_ACCOUNT);
	if (!ept)
		return -ENOMEM;
	err = myvmx_tdp_init(ept, MYVMX_TDP_EPT);
	if (err) {
		kfree(ept);
		return err;
	}
	vm->arch = ept;
	return 0;
}

static void myvmx_invept_ipi(void *unused)
{
	myvmx_invept_all();
}

static void myvmx_vmx_vm_destroy(struct myvmx_vm *vm)
{
	/* The tables may be reused: no CPU may keep translations. */
	on_each_cpu(myvmx_invept_ipi, NULL, 1);
	myvmx_tdp_free(vm->arch);
	kfree(vm->arch);
}

static int myvmx_vmx_map_region(struct myvmx_vm *vm, struct myvmx_region *r)
{
	unsigned long i;
	int err;

	for (i = 0; i < r->npages; i++) {
		err = myvmx_tdp_map(vm->arch, r->gpa + (i << PAGE_SHIFT),
				    page_to_phys(r->pages[i]));
		if (err)
			return err;
	}
	return 0;
}

/* Let the guest reach one MSR without an exit, both ways. */
static void myvmx_msr_passthrough(unsigned long *bitmap, u32 msr)
{
	/* Read bitmaps at 0 (low MSRs) and 1024 (high), writes at +2048. */
	unsigned int base = msr >= 0xc0000000 ? 1024 : 0;
	unsigned int bit = msr & 0x1fff;

	__clear_bit(bit, (void *)bitmap + base);
	__clear_bit(bit, (void *)bitmap + base + 2048);
}

static void myvmx_vmx_vcpu_free(struct myvmx_vmx_vcpu *vx)
{
	if (vx->vpid)
		ida_free(&myvmx_vpids, vx->vpid);
	free_page((unsigned long)vx->vmcs);
	free_page((unsigned long)vx->msr_bitmap);
	kfree(vx);
}

static int myvmx_vmx_vcpu_init(struct myvmx_vcpu *vcpu)
{
	struct myvmx_vmx_vcpu *vx;
	int err = -ENOMEM;

	vx = kzalloc(sizeof(*vx), GFP_KERNEL_ACCOUNT);
	if (!vx)
		return -ENOMEM;
	vx->vcpu = vcpu;
	vx->cpu = -1;
	INIT_LIST_HEAD(&vx->loaded_node);
	vx->vmcs = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	vx->msr_bitmap = (void *)__get_free_page(GFP_KERNEL_ACCOUNT);
	if (!vx->vmcs || !vx->msr_bitmap)
		goto fail;
	if (myvmx_caps.vpid) {
		err = ida_alloc_range(&myvmx_vpids, 1, 0xffff, GFP_KERNEL);
		if (err < 0)
			goto fail;
		vx->vpid = err;
	}
	vx->vmcs->revision_id = myvmx_caps.revision_id;
	memset(vx->msr_bitmap, 0xff, PAGE_SIZE);
	myvmx_msr_passthrough(vx->msr_bitmap, MSR_FS_BASE);
	myvmx_msr_passthrough(vx->msr_bitmap, MSR_GS_BASE);
	vcpu->arch = vx;

	preempt_disable();
	myvmx_vmcs_load(vx);
	err = myvmx_vmcs_setup(vx, myvmx_eptp(vcpu->vm->arch));
	preempt_enable();
	if (err)
		goto fail;
	return 0;
fail:
	vcpu->arch = NULL;
	myvmx_vmx_vcpu_free(vx);
	return err;
}

static void myvmx_vmx_vcpu_destroy(struct myvmx_vcpu *vcpu)
{
	struct myvmx_vmx_vcpu *vx = vcpu->arch;

	myvmx_vmcs_clear(vx);
	myvmx_vmx_vcpu_free(vx);
}

static void myvmx_get_seg(struct myvmx_segment *s, u32 sel_field)
{
	/* Selector, limit, AR and base fields are spaced evenly. */
	u32 ar = vmcs_read(sel_field - GUEST_ES_SELECTOR + GUEST_ES_AR_BYTES);

	s->selector = vmcs_read(sel_field);
	s->base = vmcs_read(sel_field - GUEST_ES_SELECTOR + GUEST_ES_BASE);
	s->limit = vmcs_read(sel_field - GUEST_ES_SELECTOR + GUEST_ES_LIMIT);
	s->type = ar & 15;
	s->s = (ar >> 4) & 1;
	s->dpl = (ar >> 5) & 3;
	s->present = (ar >> 7) & 1;
	s->avl = (ar >> 12) & 1;
	s->l = (ar >> 13) & 1;
	s->db = (ar >> 14) & 1;
	s->g = (ar >> 15) & 1;
	s->unusable = (ar >> 16) & 1;
}

static void myvmx_set_seg(const struct myvmx_segment *s, u32 sel_field)
{
	u32 ar = s->type | s->s << 4 | s->dpl << 5 | s->present << 7 |
		 s->avl << 12 | s->l << 13 | s->db << 14 | s->g << 15 |
		 s->unusable << 16;

	vmcs_write(sel_field, s->selector);
	vmcs_write(sel_field - GUEST_ES_SELECTOR + GUEST_ES_BASE, s->base);
	vmcs_write(sel_field - GUEST_ES_SELECTOR + GUEST_ES_LIMIT, s->limit);
	vmcs_write(sel_field - GUEST_ES_SELECTOR + GUEST_ES_AR_BYTES, ar);
}

/* Each segment of struct myvmx_sregs and its VMCS selector field. */
static const struct {
	size_t offset;
	u32 field;
} myvmx_segs[] = {
	{ offsetof(struct myvmx_sregs, es), GUEST_ES_SELECTOR },
	{ offsetof(struct myvmx_sregs, cs), GUEST_CS_SELECTOR },
	{ offsetof(struct myvmx_sregs, ss), GUEST_SS_SELECTOR },
	{ offsetof(struct myvmx_sregs, ds), GUEST_DS_SELECTOR },
	{ offsetof(struct myvmx_sregs, fs), GUEST_FS_SELECTOR },
	{ offsetof(struct myvmx_sregs, gs), GUEST_GS_SELECTOR },
	{ offsetof(struct myvmx_sregs, ldt), GUEST_LDTR_SELECTOR },
	{ offsetof(struct myvmx_sregs, tr), GUEST_TR_SELECTOR },
};

static int myvmx_vmx_get_sregs(struct myvmx_vcpu *vcpu, struct myvmx_sregs *s)
{
	struct myvmx_vmx_vcpu *vx = vcpu->arch;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(myvmx_segs); i++)
		myvmx_get_seg((void *)s + myvmx_segs[i].offset,
			      myvmx_segs[i].field);
	s->gdt.base = vmcs_read(GUEST_GDTR_BASE);
	s->gdt.limit = vmcs_read(GUEST_GDTR_LIMIT);
	s->idt.base = vmcs_read(GUEST_IDTR_BASE);
	s->idt.limit = vmcs_read(GUEST_IDTR_LIMIT);
	s->cr0 = myvmx_guest_cr0(vx);
	s->cr3 = vmcs_read(GUEST_CR3);
	s->cr4 = myvmx_guest_cr4(vx);
	s->efer = vmcs_read(GUEST_IA32_EFER);
	s->cr2 = 0;
	return 0;
}

static int myvmx_vmx_set_sregs(struct myvmx_vcpu *vcpu,
			       const struct myvmx_sregs *s)
{
	const struct myvmx_vmx_caps *c = &myvmx_caps;
	struct myvmx_vmx_vcpu *vx = vcpu->arch;
	unsigned int i;

	if (s->cr4 & ~c->cr4_fixed1)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(myvmx_segs); i++)
		myvmx_set_seg((const void *)s + myvmx_segs[i].offset,
			      myvmx_segs[i].field);
	vmcs_write(GUEST_GDTR_BASE, s->gdt.base);
	vmcs_write(GUEST_GDTR_LIMIT, s->gdt.limit);
	vmcs_write(GUEST_IDTR_BASE, s->idt.base);
	vmcs_write(GUEST_IDTR_LIMIT, s->idt.limit);
	myvmx_set_cr0(vx, s->cr0);
	myvmx_set_cr4(vx, s->cr4);
	vmcs_write(GUEST_CR3, s->cr3);
	vmcs_write(GUEST_IA32_EFER, s->efer);
	myvmx_vmx_update_long_mode(vx);
	return 0;
}

/* The VMCS is current: called from inside the run loop. */
static void myvmx_vmx_cpu_mode(struct myvmx_vcpu *vcpu,
			       struct myvmx_cpu_mode *m)
{
	struct myvmx_vmx_vcpu *vx = vcpu->arch;
	u32 cs_ar = vmcs_read(GUEST_CS_AR_BYTES);

	m->cr0 = myvmx_guest_cr0(vx);
	m->cr3 = vmcs_read(GUEST_CR3);
	m->cr4 = myvmx_guest_cr4(vx);
	m->efer = vmcs_read(GUEST_IA32_EFER);
	m->cs_base = vmcs_read(GUEST_CS_BASE);
	m->ds_base = vmcs_read(GUEST_DS_BASE);
	m->es_base = vmcs_read(GUEST_ES_BASE);
	m->ss_base = vmcs_read(GUEST_SS_BASE);
	m->fs_base = vmcs_read(GUEST_FS_BASE);
	m->gs_base = vmcs_read(GUEST_GS_BASE);
	m->cs_l = cs_ar & BIT(13);
	m->cs_db = cs_ar & BIT(14);
}

static const struct myvmx_backend myvmx_vmx_backend = {
	.name		= "vmx",
	.cpu_setup	= myvmx_vmx_cpu_setup,
	.cpu_teardown	= myvmx_vmx_cpu_teardown,
	.cpu_enable	= myvmx_vmx_cpu_enable,
	.cpu_disable	= myvmx_vmx_cpu_disable,
	.vm_init	= myvmx_vmx_vm_init,
	.vm_destroy	= myvmx_vmx_vm_destroy,
	.map_region	= myvmx_vmx_map_region,
	.vcpu_init	= myvmx_vmx_vcpu_init,
	.vcpu_destroy	= myvmx_vmx_vcpu_destroy,
	.vcpu_load	= myvmx_vmx_vcpu_load,
	.vcpu_enter	= myvmx_vmx_vcpu_enter,
	.get_sregs	= myvmx_vmx_get_sregs,
	.set_sregs	= myvmx_vmx_set_sregs,
	.cpu_mode	= myvmx_vmx_cpu_mode,
	.msr_get	= myvmx_vmx_msr_get,
	.msr_set	= myvmx_vmx_msr_set,
};

int myvmx_vmx_init(void)
{
	int err = myvmx_vmx_probe();

	if (err)
		return err;
	myvmx_vmx_read_host_msrs();
	myvmx_backend = &myvmx_vmx_backend;
	return 0;
}
