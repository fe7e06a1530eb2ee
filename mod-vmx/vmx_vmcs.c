// SPDX-License-Identifier: GPL-2.0
/*
 * The VMCS of a vCPU: making it current on the running CPU (VMCLEAR where
 * it was, VMPTRLD here) and its initial contents: controls from the
 * capability MSRs, the host state Linux needs back on every exit, and the
 * x86 reset state for the guest.
 */
#include <linux/cpu.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <asm/cpu_entry_area.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>

#include "vmx.h"

DECLARE_PER_CPU(struct list_head, myvmx_loaded_vmcss);
static DEFINE_PER_CPU(struct myvmx_vmcs *, myvmx_current_vmcs);

void myvmx_vmwrite_error(unsigned long field, unsigned long value)
{
	pr_err_ratelimited("myvmx: VMWRITE %#lx <- %#lx failed (error %lu)\n",
			   field, value, vmcs_read(VM_INSTRUCTION_ERROR));
}

static void myvmx_vmclear(struct myvmx_vmcs *vmcs)
{
	u64 pa = __pa(vmcs);

	asm volatile("vmclear %0" : : "m"(pa) : "cc", "memory");
}

static void myvmx_vmptrld(struct myvmx_vmcs *vmcs)
{
	u64 pa = __pa(vmcs);

	asm volatile("vmptrld %0" : : "m"(pa) : "cc", "memory");
}

struct myvmx_inv_desc {
	u64 a, b;
};

/* Drop every guest's linear translations cached on this CPU. */
void myvmx_invvpid_all(void)
{
	struct myvmx_inv_desc desc = { 0, 0 };

	asm volatile("invvpid %0, %1"
		     : : "m"(desc), "r"((unsigned long)VMX_VPID_EXTENT_ALL_CONTEXT)
		     : "cc", "memory");
}

/* Drop every EPT-derived translation cached on this CPU. */
void myvmx_invept_all(void)
{
	struct myvmx_inv_desc desc = { 0, 0 };

	asm volatile("invept %0, %1"
		     : : "m"(desc), "r"((unsigned long)VMX_EPT_EXTENT_GLOBAL)
		     : "cc", "memory");
}

/* On the CPU where @vx's VMCS is active, with interrupts off. */
void myvmx_vmcs_clear_on_cpu(struct myvmx_vmx_vcpu *vx)
{
	myvmx_vmclear(vx->vmcs);
	if (this_cpu_read(myvmx_current_vmcs) == vx->vmcs)
		this_cpu_write(myvmx_current_vmcs, NULL);
	list_del(&vx->loaded_node);
	vx->launched = false;
	/* Seen by myvmx_vmcs_load() on the next CPU after the IPI. */
	smp_store_release(&vx->cpu, -1);
}

static void myvmx_vmcs_clear_ipi(void *data)
{
	struct myvmx_vmx_vcpu *vx = data;

	if (vx->cpu == smp_processor_id())
		myvmx_vmcs_clear_on_cpu(vx);
}

/* Clear @vx's VMCS wherever it is active, before it is freed. */
void myvmx_vmcs_clear(struct myvmx_vmx_vcpu *vx)
{
	int cpu;

	cpus_read_lock();
	cpu = READ_ONCE(vx->cpu);
	if (cpu >= 0)
		smp_call_function_single(cpu, myvmx_vmcs_clear_ipi, vx, 1);
	cpus_read_unlock();
}

/*
 * What the guest writes to CR0 and CR4 goes to the read shadows; the
 * hardware registers get it with the bits VMX forces (CR0.PE and PG
 * excepted: unrestricted guest).
 */
void myvmx_set_cr0(struct myvmx_vmx_vcpu *vx, u64 cr0)
{
	const struct myvmx_vmx_caps *c = &myvmx_caps;

	vx->cr0_shadow = cr0;
	vmcs_write(CR0_READ_SHADOW, cr0);
	vmcs_write(GUEST_CR0, (cr0 | (c->cr0_fixed0 &
		   ~(X86_CR0_PE | X86_CR0_PG))) & c->cr0_fixed1);
}

void myvmx_set_cr4(struct myvmx_vmx_vcpu *vx, u64 cr4)
{
	vx->cr4_shadow = cr4;
	vmcs_write(CR4_READ_SHADOW, cr4);
	vmcs_write(GUEST_CR4, cr4 | myvmx_caps.cr4_fixed0);
}

/*
 * CR0 and CR4 as the guest has them, @vx's VMCS current: the bits it owns
 * change in the register without an exit (the shadows keep the old ones:
 * PAE, PGE, PE, PG...), the bits myvmx owns are in the shadows.
 */
u64 myvmx_guest_cr0(struct myvmx_vmx_vcpu *vx)
{
	u64 mask = vmcs_read(CR0_GUEST_HOST_MASK);

	return (vmcs_read(GUEST_CR0) & ~mask) | (vx->cr0_shadow & mask);
}

u64 myvmx_guest_cr4(struct myvmx_vmx_vcpu *vx)
{
	u64 mask = vmcs_read(CR4_GUEST_HOST_MASK);

	return (vmcs_read(GUEST_CR4) & ~mask) | (vx->cr4_shadow & mask);
}

/*
 * Make @vx's VMCS current on this CPU; preemption is off.  A VMCS active
 * on another CPU is cleared there first: a VMCS is active on one CPU at a
 * time, and its cached state must reach memory before another loads it.
 */
void myvmx_vmcs_load(struct myvmx_vmx_vcpu *vx)
{
	int cpu = smp_processor_id();
	int old = READ_ONCE(vx->cpu);

	if (old != cpu) {
		if (old >= 0)
			smp_call_function_single(old, myvmx_vmcs_clear_ipi, vx,
						 1);
		local_irq_disable();
		list_add(&vx->loaded_node, this_cpu_ptr(&myvmx_loaded_vmcss));
		local_irq_enable();
		vx->cpu = cpu;
		/* VMCLEAR first: a fresh VMCS needs its launch state. */
		myvmx_vmclear(vx->vmcs);
		vx->launched = false;
		this_cpu_write(myvmx_current_vmcs, vx->vmcs);
		myvmx_vmptrld(vx->vmcs);
		/* Linux's TSS, GDT and SYSENTER stack are per CPU. */
		vmcs_write(HOST_TR_BASE,
			   (unsigned long)&get_cpu_entry_area(cpu)->tss.x86_tss);
		vmcs_write(HOST_GDTR_BASE,
			   (unsigned long)get_cpu_gdt_ro(cpu));
		vmcs_write(HOST_IA32_SYSENTER_ESP,
			   (unsigned long)(cpu_entry_stack(cpu) + 1));
		vmcs_write(HOST_GS_BASE, cpu_kernelmode_gs_base(cpu));
		/*
		 * What this vCPU cached here before is stale: the guest
		 * may have changed its page tables on another CPU since.
		 */
		if (myvmx_caps.vpid)
			myvmx_invvpid_all();
		return;
	}
	if (this_cpu_read(myvmx_current_vmcs) != vx->vmcs) {
		this_cpu_write(myvmx_current_vmcs, vx->vmcs);
		myvmx_vmptrld(vx->vmcs);
	}
}

static void myvmx_setup_host_state(void)
{
	struct desc_ptr idt;
	u64 v;

	vmcs_write(HOST_CR0, read_cr0());
	/* HOST_CR3 and HOST_CR4 follow the running task: vmx_run.c. */
	vmcs_write(HOST_CS_SELECTOR, __KERNEL_CS);
	vmcs_write(HOST_SS_SELECTOR, __KERNEL_DS);
	/* Null data selectors; the run loop restores the task's own. */
	vmcs_write(HOST_DS_SELECTOR, 0);
	vmcs_write(HOST_ES_SELECTOR, 0);
	vmcs_write(HOST_FS_SELECTOR, 0);
	vmcs_write(HOST_GS_SELECTOR, 0);
	vmcs_write(HOST_TR_SELECTOR, GDT_ENTRY_TSS * 8);
	store_idt(&idt);
	vmcs_write(HOST_IDTR_BASE, idt.address);
	vmcs_write(HOST_RIP, (unsigned long)myvmx_vmx_exit_point);
	/* vmx_enter.S writes HOST_RSP by its number. */
	BUILD_BUG_ON(HOST_RSP != 0x6c14);
	rdmsrl(MSR_IA32_SYSENTER_CS, v);
	vmcs_write(HOST_IA32_SYSENTER_CS, (u32)v);
	rdmsrl(MSR_IA32_SYSENTER_EIP, v);
	vmcs_write(HOST_IA32_SYSENTER_EIP, v);
	rdmsrl(MSR_IA32_CR_PAT, v);
	vmcs_write(HOST_IA32_PAT, v);
	rdmsrl(MSR_EFER, v);
	vmcs_write(HOST_IA32_EFER, v);
}

/* A segment of the reset state: base, limit, access rights. */
static void myvmx_reset_segment(unsigned long sel, unsigned long base,
				unsigned long limit, unsigned long ar,
				u16 selector, u64 b, u32 l, u32 a)
{
	vmcs_write(sel, selector);
	vmcs_write(base, b);
	vmcs_write(limit, l);
	vmcs_write(ar, a);
}

#define MYVMX_RESET_SEG(s, sel, b, l, a)				\
	myvmx_reset_segment(GUEST_##s##_SELECTOR, GUEST_##s##_BASE,	\
			    GUEST_##s##_LIMIT, GUEST_##s##_AR_BYTES,	\
			    sel, b, l, a)

/* The state of an x86 CPU after RESET (SDM 3A, 9.1.1). */
static void myvmx_setup_guest_state(struct myvmx_vmx_vcpu *vx)
{
	const u32 data_ar = 0x93, code_ar = 0x9b;

	MYVMX_RESET_SEG(CS, 0xf000, 0xffff0000, 0xffff, code_ar);
	MYVMX_RESET_SEG(DS, 0, 0, 0xffff, data_ar);
	MYVMX_RESET_SEG(ES, 0, 0, 0xffff, data_ar);
	MYVMX_RESET_SEG(FS, 0, 0, 0xffff, data_ar);
	MYVMX_RESET_SEG(GS, 0, 0, 0xffff, data_ar);
	MYVMX_RESET_SEG(SS, 0, 0, 0xffff, data_ar);
	MYVMX_RESET_SEG(TR, 0, 0, 0xffff, 0x8b);	/* busy 32-bit TSS */
	MYVMX_RESET_SEG(LDTR, 0, 0, 0xffff, 0x82);
	vmcs_write(GUEST_GDTR_BASE, 0);
	vmcs_write(GUEST_GDTR_LIMIT, 0xffff);
	vmcs_write(GUEST_IDTR_BASE, 0);
	vmcs_write(GUEST_IDTR_LIMIT, 0xffff);

	myvmx_set_cr0(vx, X86_CR0_ET | X86_CR0_CD | X86_CR0_NW);
	myvmx_set_cr4(vx, 0);
	vmcs_write(GUEST_CR3, 0);
	vmcs_write(GUEST_IA32_EFER, 0);
	vmcs_write(GUEST_IA32_PAT, 0x0007040600070406ULL);
	vmcs_write(GUEST_DR7, 0x400);
	vmcs_write(GUEST_IA32_DEBUGCTL, 0);
	vmcs_write(GUEST_SYSENTER_CS, 0);
	vmcs_write(GUEST_SYSENTER_ESP, 0);
	vmcs_write(GUEST_SYSENTER_EIP, 0);
	vmcs_write(GUEST_ACTIVITY_STATE, GUEST_ACTIVITY_ACTIVE);
	vmcs_write(GUEST_INTERRUPTIBILITY_INFO, 0);
	vmcs_write(GUEST_PENDING_DBG_EXCEPTIONS, 0);
	vmcs_write(VMCS_LINK_POINTER, -1ULL);
	vmcs_write(GUEST_RSP, 0);
	vmcs_write(GUEST_RIP, 0xfff0);
	vmcs_write(GUEST_RFLAGS, X86_EFLAGS_FIXED);
	vx->vcpu->rip = 0xfff0;
	vx->vcpu->rflags = X86_EFLAGS_FIXED;
	vx->vcpu->gpr[2] = 0x600;	/* RDX: the processor signature */
}

/* Fill the VMCS of @vx (current on this CPU) for a guest behind @eptp. */
int myvmx_vmcs_setup(struct myvmx_vmx_vcpu *vx, u64 eptp)
{
	const struct myvmx_vmx_caps *c = &myvmx_caps;
	/* The CR bits the guest may not change: those VMX forces. */
	u64 cr0_forced = (c->cr0_fixed0 & ~(X86_CR0_PE | X86_CR0_PG)) |
			 (~c->cr0_fixed1 & 0xffffffffULL);
	u64 cr4_forced = c->cr4_fixed0 | (~c->cr4_fixed1 & 0xffffffffULL);

	vmcs_write(PIN_BASED_VM_EXEC_CONTROL, c->pin);
	vmcs_write(CPU_BASED_VM_EXEC_CONTROL, c->proc);
	vmcs_write(SECONDARY_VM_EXEC_CONTROL, c->proc2);
	vmcs_write(VM_EXIT_CONTROLS, c->exit);
	vmcs_write(VM_ENTRY_CONTROLS, c->entry);
	if (c->pin & PIN_BASED_VMX_PREEMPTION_TIMER)
		vmcs_write(VMX_PREEMPTION_TIMER_VALUE, c->preemption_timer);
	vmcs_write(EXCEPTION_BITMAP, 0);
	vmcs_write(PAGE_FAULT_ERROR_CODE_MASK, 0);
	vmcs_write(PAGE_FAULT_ERROR_CODE_MATCH, 0);
	vmcs_write(CR3_TARGET_COUNT, 0);
	vmcs_write(VM_EXIT_MSR_STORE_COUNT, 0);
	vmcs_write(VM_EXIT_MSR_LOAD_COUNT, 0);
	vmcs_write(VM_ENTRY_MSR_LOAD_COUNT, 0);
	vmcs_write(VM_ENTRY_INTR_INFO_FIELD, 0);
	vmcs_write(MSR_BITMAP, __pa(vx->msr_bitmap));
	vmcs_write(EPT_POINTER, eptp);
	if (c->vpid)
		vmcs_write(VIRTUAL_PROCESSOR_ID, vx->vpid);
	/* Guest-owned CR bits are all but the forced ones and OSXSAVE. */
	vmcs_write(CR0_GUEST_HOST_MASK, cr0_forced);
	vmcs_write(CR4_GUEST_HOST_MASK, cr4_forced | X86_CR4_OSXSAVE);
	myvmx_setup_host_state();
	myvmx_setup_guest_state(vx);
	return 0;
}
