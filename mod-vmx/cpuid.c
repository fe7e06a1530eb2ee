// SPDX-License-Identifier: GPL-2.0
/*
 * The CPUID a guest sees: the host's, filtered to what myvmx virtualizes.
 * The hypervisor bit is set and leaf 0x40000000 carries the "ringzero"
 * signature; VMX, XSAVE/AVX (the guest cannot set CR4.OSXSAVE), MONITOR,
 * the local APIC and x2APIC (myvmx has none: the PICs interrupt vCPU 0),
 * RDTSCP (its TSC_AUX MSR is the host's), MTRRs, performance monitoring
 * and thermal leaves are hidden.
 */
#include <kunit/visibility.h>
#include <linux/bits.h>
#include <linux/string.h>
#include <asm/processor.h>

#include "vmm.h"

#define LEAF1_ECX_HIDDEN (BIT(2) /* DTES64 */ | BIT(3) /* MONITOR */ |	\
	BIT(4) /* DS-CPL */ | BIT(5) /* VMX */ | BIT(6) /* SMX */ |	\
	BIT(7) /* EIST */ | BIT(8) /* TM2 */ | BIT(15) /* PDCM */ |	\
	BIT(18) /* DCA */ | BIT(21) /* x2APIC */ | BIT(24) /* TSC deadline */ | \
	BIT(26) /* XSAVE */ | BIT(27) /* OSXSAVE */ | BIT(28) /* AVX */)
#define LEAF1_EDX_HIDDEN (BIT(9) /* APIC */ | BIT(12) /* MTRR */ |	\
	BIT(21) /* DS */ |						\
	BIT(22) /* ACPI */ | BIT(29) /* TM */ | BIT(31) /* PBE */)
/* Leaf 7 EBX features that need no VMM support. */
#define LEAF7_EBX_KEPT (BIT(0) /* FSGSBASE */ | BIT(3) /* BMI1 */ |	\
	BIT(7) /* SMEP */ | BIT(8) /* BMI2 */ | BIT(9) /* ERMS */ |	\
	BIT(18) /* RDSEED */ | BIT(19) /* ADX */ | BIT(20) /* SMAP */ |	\
	BIT(23) /* CLFLUSHOPT */)
#define HYPERVISOR_BIT	BIT(31)
#define SVM_BIT		BIT(2)
#define EXT_EDX_HIDDEN	(BIT(9) /* APIC */ | BIT(27) /* RDTSCP */)

/*
 * Filter the host's answer for @leaf/@subleaf in place, for the vCPU with
 * index @index (its initial APIC ID).
 */
void myvmx_cpuid_filter(unsigned int index, u32 leaf, u32 subleaf, u32 *eax,
			u32 *ebx, u32 *ecx, u32 *edx)
{
	switch (leaf) {
	case 1:
		*ecx = (*ecx & ~LEAF1_ECX_HIDDEN) | HYPERVISOR_BIT;
		*edx &= ~LEAF1_EDX_HIDDEN;
		*ebx = (*ebx & 0x00ffffff) | (index << 24);
		break;
	case 7:
		if (subleaf == 0) {
			*eax = 0;
			*ebx &= LEAF7_EBX_KEPT;
		} else {
			*eax = 0;	/* subleaves past EAX of 0: all zero */
			*ebx = 0;
		}
		*ecx = 0;
		*edx = 0;
		break;
	case 5: case 6: case 0xa: case 0xb: case 0xd: case 0x1f:
		*eax = *ebx = *ecx = *edx = 0;
		break;
	case 0x40000000:
		*eax = 0x40000000;
		memcpy(ebx, "ring", 4);
		memcpy(ecx, "zero", 4);
		*edx = 0;
		break;
	case 0x80000001:
		*ecx &= ~SVM_BIT;
		*edx &= ~EXT_EDX_HIDDEN;
		break;
	default:
		if (leaf > 0x40000000 && leaf < 0x50000000)
			*eax = *ebx = *ecx = *edx = 0;
	}
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_cpuid_filter);

void myvmx_cpuid(unsigned int index, u32 leaf, u32 subleaf, u32 *eax,
		 u32 *ebx, u32 *ecx, u32 *edx)
{
	*eax = *ebx = *ecx = *edx = 0;
	if (leaf < 0x40000000 || leaf >= 0x50000000)
		cpuid_count(leaf, subleaf, eax, ebx, ecx, edx);
	myvmx_cpuid_filter(index, leaf, subleaf, eax, ebx, ecx, edx);
}

/* CPUID executed by the guest: leaf in EAX, subleaf in ECX. */
void myvmx_emulate_cpuid(struct myvmx_vcpu *vcpu)
{
	u32 eax, ebx, ecx, edx;

	myvmx_cpuid(vcpu->index, vcpu->gpr[0], vcpu->gpr[1], &eax, &ebx, &ecx,
		    &edx);
	vcpu->gpr[0] = eax;
	vcpu->gpr[3] = ebx;
	vcpu->gpr[1] = ecx;
	vcpu->gpr[2] = edx;
}
