// SPDX-License-Identifier: GPL-2.0
/*
 * The AMD-V backend behind struct myvmx_backend: VMs get nested page
 * tables, vCPUs a VMCB and an FPU save area.  The VMCB is plain memory,
 * so registers move between it and the uapi structures directly.
 */
#include <linux/mm.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <asm/msr-index.h>
#include <asm/processor-flags.h>

#include "svm.h"

static int myvmx_svm_vm_init(struct myvmx_vm *vm)
{
	struct myvmx_svm_vm *svm;
	int err;

	svm = kzalloc(sizeof(*svm), GFP_KERNEL_ACCOUNT);
	if (!svm)
		return -ENOMEM;
	err = myvmx_tdp_init(&svm->npt, MYVMX_TDP_NPT);
	if (err) {
		kfree(svm);
		return err;
	}
	vm->arch = svm;
	return 0;
}

/*
 * No CPU can still use the tables: each vCPU's ASID is never handed out
 * again before a new generation flushes every ASID.
 */
static void myvmx_svm_vm_destroy(struct myvmx_vm *vm)
{
	struct myvmx_svm_vm *svm = vm->arch;

	myvmx_tdp_free(&svm->npt);
	kfree(svm);
}

static int myvmx_svm_map_region(struct myvmx_vm *vm, struct myvmx_region *r)
{
	struct myvmx_svm_vm *svm = vm->arch;
	unsigned long i;
	int err;

	for (i = 0; i < r->npages; i++) {
		err = myvmx_tdp_map(&svm->npt, r->gpa + (i << PAGE_SHIFT),
				    page_to_phys(r->pages[i]));
		if (err)
			return err;
	}
	return 0;
}

static void myvmx_svm_vcpu_free(struct myvmx_svm_vcpu *sv)
{
	free_page((unsigned long)sv->vmcb);
	kfree(sv);
}

static int myvmx_svm_vcpu_init(struct myvmx_vcpu *vcpu)
{
	struct myvmx_svm_vm *svm = vcpu->vm->arch;
	struct myvmx_svm_vcpu *sv;

	sv = kzalloc(sizeof(*sv), GFP_KERNEL_ACCOUNT);
	if (!sv)
		return -ENOMEM;
	sv->vcpu = vcpu;
	sv->cpu = -1;
	sv->vmcb = (void *)get_zeroed_page(GFP_KERNEL_ACCOUNT);
	if (!sv->vmcb) {
		myvmx_svm_vcpu_free(sv);
		return -ENOMEM;
	}
	myvmx_vmcb_setup(sv, __pa(svm->npt.root));
	/* Where RESET leaves a CPU: f000:fff0, RDX the processor signature. */
	vcpu->rip = 0xfff0;
	vcpu->rflags = X86_EFLAGS_FIXED;
	vcpu->gpr[2] = 0x600;
	vcpu->arch = sv;
	return 0;
}

static void myvmx_svm_vcpu_destroy(struct myvmx_vcpu *vcpu)
{
	myvmx_svm_vcpu_free(vcpu->arch);
}

static int myvmx_svm_get_sregs_op(struct myvmx_vcpu *vcpu,
				  struct myvmx_sregs *s)
{
	myvmx_svm_get_sregs(vcpu->arch, s);
	return 0;
}

/* CR4 bits a guest may have: none of VMX, XSAVE, PKE, CET or LA57. */
#define MYVMX_SVM_CR4_ALLOWED (X86_CR4_VME | X86_CR4_PVI | X86_CR4_TSD | \
	X86_CR4_DE | X86_CR4_PSE | X86_CR4_PAE | X86_CR4_MCE |		\
	X86_CR4_PGE | X86_CR4_PCE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT | \
	X86_CR4_UMIP | X86_CR4_FSGSBASE | X86_CR4_PCIDE | X86_CR4_SMEP | \
	X86_CR4_SMAP)

static int myvmx_svm_set_sregs_op(struct myvmx_vcpu *vcpu,
				  const struct myvmx_sregs *s)
{
	if ((s->cr0 >> 32) || (s->cr4 & ~MYVMX_SVM_CR4_ALLOWED) ||
	    (s->efer & ~(EFER_SCE | EFER_LME | EFER_LMA | EFER_NX)))
		return -EINVAL;
	myvmx_svm_set_sregs(vcpu->arch, s);
	return 0;
}

static void myvmx_svm_cpu_mode(struct myvmx_vcpu *vcpu,
			       struct myvmx_cpu_mode *m)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	const struct vmcb_save_area *s = &sv->vmcb->save;

	m->cr0 = s->cr0;
	m->cr3 = s->cr3;
	m->cr4 = s->cr4;
	m->efer = s->efer & ~EFER_SVME;
	m->cs_base = s->cs.base;
	m->ds_base = s->ds.base;
	m->es_base = s->es.base;
	m->ss_base = s->ss.base;
	m->fs_base = s->fs.base;
	m->gs_base = s->gs.base;
	m->cs_l = s->cs.attrib & SVM_SELECTOR_L_MASK;
	m->cs_db = s->cs.attrib & SVM_SELECTOR_DB_MASK;
}

static const struct myvmx_backend myvmx_svm_backend = {
	.name		= "svm",
	.cpu_setup	= myvmx_svm_cpu_setup,
	.cpu_teardown	= myvmx_svm_cpu_teardown,
	.cpu_enable	= myvmx_svm_cpu_enable,
	.cpu_disable	= myvmx_svm_cpu_disable,
	.vm_init	= myvmx_svm_vm_init,
	.vm_destroy	= myvmx_svm_vm_destroy,
	.map_region	= myvmx_svm_map_region,
	.vcpu_init	= myvmx_svm_vcpu_init,
	.vcpu_destroy	= myvmx_svm_vcpu_destroy,
	.vcpu_load	= myvmx_svm_vcpu_load,
	.vcpu_enter	= myvmx_svm_vcpu_enter,
	.get_sregs	= myvmx_svm_get_sregs_op,
	.set_sregs	= myvmx_svm_set_sregs_op,
	.cpu_mode	= myvmx_svm_cpu_mode,
	.msr_get	= myvmx_svm_msr_get,
	.msr_set	= myvmx_svm_msr_set,
};

int myvmx_svm_init(void)
{
	int err = myvmx_svm_probe();

	if (err)
		return err;
	myvmx_backend = &myvmx_svm_backend;
	return 0;
}
