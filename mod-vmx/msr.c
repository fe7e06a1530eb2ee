// SPDX-License-Identifier: GPL-2.0
/*
 * RDMSR and WRMSR of the guest, for every backend.  The MSRs a guest
 * needs to boot and run 64-bit code are emulated: those held in the
 * backend's guest state (EFER, PAT, SYSENTER and SYSCALL MSRs) through
 * msr_get/msr_set, a few constant or ignored ones here.  Values hardware
 * would refuse and every other MSR give #GP (false).
 */
#include <asm/apicdef.h>
#include <asm/msr-index.h>

#include "vmm.h"

static bool myvmx_msr_in_state(u32 msr)
{
	switch (msr) {
	case MSR_EFER:
	case MSR_IA32_CR_PAT:
	case MSR_IA32_SYSENTER_CS:
	case MSR_IA32_SYSENTER_ESP:
	case MSR_IA32_SYSENTER_EIP:
	case MSR_KERNEL_GS_BASE:
	case MSR_STAR:
	case MSR_LSTAR:
	case MSR_CSTAR:
	case MSR_SYSCALL_MASK:
		return true;
	}
	return false;
}

static bool myvmx_msr_read(struct myvmx_vcpu *vcpu, u32 msr, u64 *value)
{
	if (myvmx_msr_in_state(msr)) {
		*value = myvmx_backend->msr_get(vcpu, msr);
		return true;
	}
	switch (msr) {
	case MSR_IA32_TSC:
		*value = rdtsc();
		return true;
	case MSR_IA32_APICBASE:
		*value = APIC_DEFAULT_PHYS_BASE | MSR_IA32_APICBASE_ENABLE |
			 (vcpu->index ? 0 : MSR_IA32_APICBASE_BSP);
		return true;
	case MSR_IA32_MISC_ENABLE:
		*value = vcpu->msr_misc_enable;
		return true;
	case MSR_AMD64_NB_CFG:		/* Linux reads it on AMD CPUs */
		*value = 0;
		return true;
	}
	return false;
}

static bool myvmx_canonical(u64 v)
{
	return (u64)((s64)(v << 16) >> 16) == v;
}

/* Whether hardware would take @value for @msr. */
static bool myvmx_msr_valid(struct myvmx_vcpu *vcpu, u32 msr, u64 value)
{
	struct myvmx_cpu_mode m;

	switch (msr) {
	case MSR_EFER:
		if (value & ~(EFER_SCE | EFER_LME | EFER_LMA | EFER_NX))
			return false;
		/* LME cannot change while paging is on. */
		myvmx_backend->cpu_mode(vcpu, &m);
		return !((m.cr0 & X86_CR0_PG) &&
			 ((value ^ m.efer) & EFER_LME));
	case MSR_IA32_SYSENTER_ESP:
	case MSR_IA32_SYSENTER_EIP:
	case MSR_KERNEL_GS_BASE:
	case MSR_LSTAR:
	case MSR_CSTAR:
		return myvmx_canonical(value);
	}
	return true;
}

static bool myvmx_msr_write(struct myvmx_vcpu *vcpu, u32 msr, u64 value)
{
	if (myvmx_msr_in_state(msr)) {
		if (!myvmx_msr_valid(vcpu, msr, value))
			return false;
		myvmx_backend->msr_set(vcpu, msr, value);
		return true;
	}
	if (msr == MSR_IA32_MISC_ENABLE) {
		vcpu->msr_misc_enable = value;
		return true;
	}
	/* Linux sets a northbridge bit there on AMD CPUs: ignored. */
	return msr == MSR_AMD64_NB_CFG;
}

/* RDMSR: the MSR in ECX into EDX:EAX; false means #GP. */
bool myvmx_emulate_rdmsr(struct myvmx_vcpu *vcpu)
{
	u64 value;

	if (!myvmx_msr_read(vcpu, vcpu->gpr[1], &value))
		return false;
	vcpu->gpr[0] = (u32)value;
	vcpu->gpr[2] = value >> 32;
	return true;
}

/* WRMSR: EDX:EAX into the MSR in ECX; false means #GP. */
bool myvmx_emulate_wrmsr(struct myvmx_vcpu *vcpu)
{
	return myvmx_msr_write(vcpu, vcpu->gpr[1],
			       (u32)vcpu->gpr[0] | (vcpu->gpr[2] << 32));
}
