// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-V detection: CPUID 0x80000001 (SVM), VM_CR (the firmware's lock)
 * and CPUID 0x8000000A (nested paging, ASIDs and the optional helps).
 * Without SVM or nested paging the module refuses to load, with one line
 * saying why.
 */
#include <linux/printk.h>
#include <linux/string_helpers.h>
#include <asm/cpufeature.h>
#include <asm/msr.h>

#include "svm.h"

struct myvmx_svm_caps myvmx_svm_caps;

/* CPUID 0x8000000A EDX */
#define SVM_FEATURE_NP			BIT(0)
#define SVM_FEATURE_NRIPS		BIT(3)
#define SVM_FEATURE_VMCB_CLEAN		BIT(5)
#define SVM_FEATURE_FLUSH_BY_ASID	BIT(6)
#define SVM_FEATURE_DECODE_ASSISTS	BIT(7)

int myvmx_svm_probe(void)
{
	struct myvmx_svm_caps *c = &myvmx_svm_caps;
	u32 eax, ebx, ecx, edx;
	u64 vm_cr;

	if (cpuid_eax(0x80000000) < SVM_CPUID_FUNC ||
	    !(cpuid_ecx(0x80000001) & BIT(2))) {
		pr_err("myvmx: no AMD-V: CPUID 0x80000001:ECX.SVM is clear\n");
		return -ENODEV;
	}
	if (rdmsrl_safe(MSR_VM_CR, &vm_cr) || (vm_cr & SVM_VM_CR_SVM_DIS_MASK)) {
		pr_err("myvmx: AMD-V is disabled by the firmware (VM_CR.SVMDIS)\n");
		return -ENODEV;
	}
	if (!boot_cpu_has(X86_FEATURE_SVM)) {
		pr_err("myvmx: AMD-V is disabled by the kernel\n");
		return -ENODEV;
	}
	cpuid(SVM_CPUID_FUNC, &eax, &ebx, &ecx, &edx);
	if (!(edx & SVM_FEATURE_NP)) {
		pr_err("myvmx: AMD-V lacks nested paging (CPUID 0x8000000A:EDX.NP is clear)\n");
		return -ENODEV;
	}
	if (ebx < 2) {
		pr_err("myvmx: AMD-V offers no ASID for guests\n");
		return -ENODEV;
	}
	c->nr_asids = ebx;
	c->nrips = edx & SVM_FEATURE_NRIPS;
	c->vmcb_clean = edx & SVM_FEATURE_VMCB_CLEAN;
	c->flush_by_asid = edx & SVM_FEATURE_FLUSH_BY_ASID;
	c->decode_assists = edx & SVM_FEATURE_DECODE_ASSISTS;
	pr_info("myvmx: AMD-V with nested paging, %u ASIDs; next-RIP %s, VMCB clean bits %s, flush by ASID %s, decode assists %s\n",
		c->nr_asids, str_yes_no(c->nrips), str_yes_no(c->vmcb_clean),
		str_yes_no(c->flush_by_asid), str_yes_no(c->decode_assists));
	return 0;
}
