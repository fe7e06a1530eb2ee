// SPDX-License-Identifier: GPL-2.0
/*
 * VM exits, by reason.  Handlers return MYVMX_RESUME to enter the guest
 * again or MYVMX_TO_USER with the run structure filled in.  Anything the
 * guest does that myvmx does not virtualize gets the fault real hardware
 * without the feature would give (#UD, #GP), never a host action.
 */
#include <kunit/visibility.h>
#include <asm/msr-index.h>
#include <asm/trapnr.h>

#include "vmx.h"

static void myvmx_skip(struct myvmx_vcpu *vcpu)
{
	vcpu->rip += vmcs_read(VM_EXIT_INSTRUCTION_LEN);
}

void myvmx_vmx_inject(struct myvmx_vmx_vcpu *vx, u8 type, u8 vector,
		      bool has_error, u32 error)
{
	u32 info = INTR_INFO_VALID_MASK | (type << 8) | vector;

	/* Real mode has no error codes, even with unrestricted guest. */
	if (has_error && (myvmx_guest_cr0(vx) & X86_CR0_PE)) {
		info |= INTR_INFO_DELIVER_CODE_MASK;
		vmcs_write(VM_ENTRY_EXCEPTION_ERROR_CODE, error);
	}
	vmcs_write(VM_ENTRY_INTR_INFO_FIELD, info);
}

static int myvmx_inject_gp(struct myvmx_vcpu *vcpu)
{
	myvmx_vmx_inject(vcpu->arch, MYVMX_EVENT_EXCEPTION, X86_TRAP_GP,
			 true, 0);
	return MYVMX_RESUME;
}

static int myvmx_inject_ud(struct myvmx_vcpu *vcpu)
{
	myvmx_vmx_inject(vcpu->arch, MYVMX_EVENT_EXCEPTION, X86_TRAP_UD,
			 false, 0);
	return MYVMX_RESUME;
}

/* EFER.LMA follows LME and CR0.PG; the entry control follows LMA. */
void myvmx_vmx_update_long_mode(struct myvmx_vmx_vcpu *vx)
{
	u64 efer = vmcs_read(GUEST_IA32_EFER);
	u32 entry = myvmx_caps.entry;

	if ((efer & EFER_LME) && (vmcs_read(GUEST_CR0) & X86_CR0_PG))
		efer |= EFER_LMA;
	else
		efer &= ~EFER_LMA;
	vmcs_write(GUEST_IA32_EFER, efer);
	vmcs_write(VM_ENTRY_CONTROLS,
		   entry | (efer & EFER_LMA ? VM_ENTRY_IA32E_MODE : 0));
}

static int myvmx_handle_cpuid(struct myvmx_vcpu *vcpu)
{
	myvmx_emulate_cpuid(vcpu);
	myvmx_skip(vcpu);
	return MYVMX_RESUME;
}

static int myvmx_handle_io(struct myvmx_vcpu *vcpu)
{
	u64 q = vmcs_read(EXIT_QUALIFICATION);
	struct myvmx_io_exit io = {
		.size = (q & 7) + 1,
		.in = q & BIT(3),
		.string = q & BIT(4),
		.rep = q & BIT(5),
		.port = q >> 16,
		.insn_len = vmcs_read(VM_EXIT_INSTRUCTION_LEN),
	};

	if (io.string) {
		/* Address size from the instruction information field. */
		io.addr_size = 2 << ((vmcs_read(VMX_INSTRUCTION_INFO) >> 7) & 7);
		io.linear = vmcs_read(GUEST_LINEAR_ADDRESS);
	}
	return myvmx_emulate_io(vcpu, &io);
}

/* CR0 and CR4 writes that touch bits VMX forces or myvmx keeps. */
static int myvmx_handle_cr(struct myvmx_vcpu *vcpu)
{
	struct myvmx_vmx_vcpu *vx = vcpu->arch;
	const struct myvmx_vmx_caps *c = &myvmx_caps;
	u64 q = vmcs_read(EXIT_QUALIFICATION);
	unsigned int cr = q & 15, type = (q >> 4) & 3, reg = (q >> 8) & 15;
	u64 val = vcpu->gpr[reg];

	if (type != 0)		/* MOV from CR, CLTS, LMSW: not intercepted */
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_UNHANDLED_EXIT,
					   EXIT_REASON_CR_ACCESS, q);
	if (cr == 0) {
		if ((val >> 32) || ((val & X86_CR0_PG) && !(val & X86_CR0_PE)))
			return myvmx_inject_gp(vcpu);
		myvmx_set_cr0(vx, val);
		myvmx_vmx_update_long_mode(vx);
	} else if (cr == 4) {
		if ((val >> 32) || (val & (X86_CR4_VMXE | X86_CR4_OSXSAVE)) ||
		    (val & ~c->cr4_fixed1))
			return myvmx_inject_gp(vcpu);
		myvmx_set_cr4(vx, val);
	} else {
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_UNHANDLED_EXIT,
					   EXIT_REASON_CR_ACCESS, q);
	}
	myvmx_skip(vcpu);
	return MYVMX_RESUME;
}

/* Debug registers are not virtualized: reads give reset values. */
static int myvmx_handle_dr(struct myvmx_vcpu *vcpu)
{
	u64 q = vmcs_read(EXIT_QUALIFICATION);
	unsigned int dr = q & 7, reg = (q >> 8) & 15;

	if (q & BIT(4))		/* MOV from DR */
		vcpu->gpr[reg] = dr == 6 ? 0xffff0ff0 : dr == 7 ? 0x400 : 0;
	myvmx_skip(vcpu);
	return MYVMX_RESUME;
}

/* The MSRs msr.c leaves to the backend; the VMCS is current. */
u64 myvmx_vmx_msr_get(struct myvmx_vcpu *vcpu, u32 msr)
{
	struct myvmx_vmx_vcpu *vx = vcpu->arch;

	switch (msr) {
	case MSR_EFER:
		return vmcs_read(GUEST_IA32_EFER);
	case MSR_IA32_CR_PAT:
		return vmcs_read(GUEST_IA32_PAT);
	case MSR_IA32_SYSENTER_CS:
		return vmcs_read(GUEST_SYSENTER_CS);
	case MSR_IA32_SYSENTER_ESP:
		return vmcs_read(GUEST_SYSENTER_ESP);
	case MSR_IA32_SYSENTER_EIP:
		return vmcs_read(GUEST_SYSENTER_EIP);
	case MSR_KERNEL_GS_BASE:
		return vx->msr_kernel_gs_base;
	case MSR_STAR:
		return vx->msr_star;
	case MSR_LSTAR:
		return vx->msr_lstar;
	case MSR_CSTAR:
		return vx->msr_cstar;
	case MSR_SYSCALL_MASK:
		return vx->msr_sfmask;
	}
	return 0;
}

void myvmx_vmx_msr_set(struct myvmx_vcpu *vcpu, u32 msr, u64 val)
{
	struct myvmx_vmx_vcpu *vx = vcpu->arch;

	switch (msr) {
	case MSR_EFER:
		/* LMA is the CPU's to set: keep it. */
		vmcs_write(GUEST_IA32_EFER, (val & ~EFER_LMA) |
			   (vmcs_read(GUEST_IA32_EFER) & EFER_LMA));
		myvmx_vmx_update_long_mode(vx);
		break;
	case MSR_IA32_CR_PAT:
		vmcs_write(GUEST_IA32_PAT, val);
		break;
	case MSR_IA32_SYSENTER_CS:
		vmcs_write(GUEST_SYSENTER_CS, val);
		break;
	case MSR_IA32_SYSENTER_ESP:
		vmcs_write(GUEST_SYSENTER_ESP, val);
		break;
	case MSR_IA32_SYSENTER_EIP:
		vmcs_write(GUEST_SYSENTER_EIP, val);
		break;
	case MSR_KERNEL_GS_BASE:
		vx->msr_kernel_gs_base = val;
		break;
	case MSR_STAR:
		vx->msr_star = val;
		break;
	case MSR_LSTAR:
		vx->msr_lstar = val;
		break;
	case MSR_CSTAR:
		vx->msr_cstar = val;
		break;
	case MSR_SYSCALL_MASK:
		vx->msr_sfmask = val;
		break;
	}
}

static int myvmx_handle_rdmsr(struct myvmx_vcpu *vcpu)
{
	if (!myvmx_emulate_rdmsr(vcpu))
		return myvmx_inject_gp(vcpu);
	myvmx_skip(vcpu);
	return MYVMX_RESUME;
}

static int myvmx_handle_wrmsr(struct myvmx_vcpu *vcpu)
{
	if (!myvmx_emulate_wrmsr(vcpu))
		return myvmx_inject_gp(vcpu);
	myvmx_skip(vcpu);
	return MYVMX_RESUME;
}

static int myvmx_handle_ept_violation(struct myvmx_vcpu *vcpu)
{
	u64 q = vmcs_read(EXIT_QUALIFICATION);
	u64 gpa = vmcs_read(GUEST_PHYSICAL_ADDRESS);

	if (myvmx_find_region(vcpu->vm, gpa))
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_UNHANDLED_EXIT,
					   EXIT_REASON_EPT_VIOLATION, q);
	if (q & EPT_VIOLATION_ACC_INSTR)	/* executing from MMIO */
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_EMULATION,
					   EXIT_REASON_EPT_VIOLATION, gpa);
	return myvmx_emulate_mmio(vcpu, gpa, q & EPT_VIOLATION_ACC_WRITE);
}

/* The exit's kind in the counters' vocabulary (uapi/myvmx.h). */
enum myvmx_exit_kind myvmx_vmx_exit_kind(u32 reason)
{
	if (reason & VMX_EXIT_REASONS_FAILED_VMENTRY)
		return MYVMX_KIND_FAILED_ENTRY;
	switch (reason & 0xffff) {
	case EXIT_REASON_IO_INSTRUCTION:
		return MYVMX_KIND_IO;
	case EXIT_REASON_EPT_VIOLATION:
		return MYVMX_KIND_MMIO;
	case EXIT_REASON_HLT:
		return MYVMX_KIND_HLT;
	case EXIT_REASON_CPUID:
		return MYVMX_KIND_CPUID;
	case EXIT_REASON_MSR_READ:
		return MYVMX_KIND_MSR_READ;
	case EXIT_REASON_MSR_WRITE:
		return MYVMX_KIND_MSR_WRITE;
	case EXIT_REASON_CR_ACCESS:
		return MYVMX_KIND_CR_ACCESS;
	case EXIT_REASON_DR_ACCESS:
		return MYVMX_KIND_DR_ACCESS;
	case EXIT_REASON_EXTERNAL_INTERRUPT:
		return MYVMX_KIND_EXTERNAL_INTERRUPT;
	case EXIT_REASON_EXCEPTION_NMI:
		return MYVMX_KIND_NMI;
	case EXIT_REASON_INTERRUPT_WINDOW:
		return MYVMX_KIND_INTERRUPT_WINDOW;
	case EXIT_REASON_PREEMPTION_TIMER:
		return MYVMX_KIND_PREEMPTION_TIMER;
	case EXIT_REASON_TRIPLE_FAULT:
		return MYVMX_KIND_SHUTDOWN;
	case EXIT_REASON_INVD:
	case EXIT_REASON_WBINVD:
		return MYVMX_KIND_CACHE;
	case EXIT_REASON_MWAIT_INSTRUCTION:
	case EXIT_REASON_MONITOR_INSTRUCTION:
	case EXIT_REASON_VMCALL ... EXIT_REASON_VMON:
	case EXIT_REASON_INVEPT:
	case EXIT_REASON_INVVPID:
	case EXIT_REASON_VMFUNC:
	case EXIT_REASON_XSETBV:
	case EXIT_REASON_INVPCID:
		return MYVMX_KIND_INVALID_OPCODE;
	}
	return MYVMX_KIND_OTHER;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_vmx_exit_kind);

int myvmx_vmx_handle_exit(struct myvmx_vcpu *vcpu, u32 reason)
{
	struct myvmx_vmx_vcpu *vx = vcpu->arch;
	struct myvmx_run *run = vcpu->run;

	if (reason & VMX_EXIT_REASONS_FAILED_VMENTRY) {
		run->exit_reason = MYVMX_EXIT_FAIL_ENTRY;
		run->fail_entry.hardware_reason = reason & 0xffff;
		vx->launched = false;
		return MYVMX_TO_USER;
	}
	/* What a CPU without VMX, XSAVE or MONITOR would not know. */
	if (myvmx_vmx_exit_kind(reason) == MYVMX_KIND_INVALID_OPCODE)
		return myvmx_inject_ud(vcpu);
	switch (reason & 0xffff) {
	case EXIT_REASON_EXCEPTION_NMI:		/* host NMI, handled */
	case EXIT_REASON_EXTERNAL_INTERRUPT:	/* taken by the host */
	case EXIT_REASON_INIT_SIGNAL:
	case EXIT_REASON_SIPI_SIGNAL:
		return MYVMX_RESUME;
	case EXIT_REASON_INTERRUPT_WINDOW:	/* myvmx_deliver_event */
	case EXIT_REASON_PREEMPTION_TIMER:	/* the host's turn, see vmcs */
		return MYVMX_RESUME;
	case EXIT_REASON_TRIPLE_FAULT:
		run->exit_reason = MYVMX_EXIT_SHUTDOWN;
		return MYVMX_TO_USER;
	case EXIT_REASON_CPUID:
		return myvmx_handle_cpuid(vcpu);
	case EXIT_REASON_HLT:
		myvmx_skip(vcpu);
		run->exit_reason = MYVMX_EXIT_HLT;
		return MYVMX_TO_USER;
	case EXIT_REASON_IO_INSTRUCTION:
		return myvmx_handle_io(vcpu);
	case EXIT_REASON_CR_ACCESS:
		return myvmx_handle_cr(vcpu);
	case EXIT_REASON_DR_ACCESS:
		return myvmx_handle_dr(vcpu);
	case EXIT_REASON_MSR_READ:
		return myvmx_handle_rdmsr(vcpu);
	case EXIT_REASON_MSR_WRITE:
		return myvmx_handle_wrmsr(vcpu);
	case EXIT_REASON_EPT_VIOLATION:
		return myvmx_handle_ept_violation(vcpu);
	case EXIT_REASON_EPT_MISCONFIG:
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_EPT_MISCONFIG,
					   reason,
					   vmcs_read(GUEST_PHYSICAL_ADDRESS));
	case EXIT_REASON_RDPMC:
		return myvmx_inject_gp(vcpu);
	case EXIT_REASON_INVD:
	case EXIT_REASON_WBINVD:
		myvmx_skip(vcpu);
		return MYVMX_RESUME;
	}
	return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_UNHANDLED_EXIT,
				   reason, vmcs_read(EXIT_QUALIFICATION));
}
