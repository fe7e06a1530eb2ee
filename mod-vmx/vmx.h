/* SPDX-License-Identifier: GPL-2.0 */
/*
 * myvmx's VT-x backend: what its files share.
 */
#ifndef _MYVMX_VMX_H
#define _MYVMX_VMX_H

#include <linux/types.h>
#include <asm/vmx.h>

#include "tdp.h"
#include "vmm.h"

/* A VMCS region (or a VMXON region): revision identifier first. */
struct myvmx_vmcs {
	u32 revision_id;
	u32 abort;
	char data[];
};

/* The controls and limits taken from the VMX capability MSRs at load. */
struct myvmx_vmx_caps {
	u32 revision_id;
	u32 vmcs_size;
	bool true_ctls;
	bool ins_outs_info;	/* VM-exit instruction info for INS/OUTS */
	u32 pin, proc, proc2, exit, entry;
	u64 ept_vpid;
	bool vpid;
	u64 cr0_fixed0, cr0_fixed1, cr4_fixed0, cr4_fixed1;
	u32 preemption_timer;	/* VMX preemption timer start value */
};

extern struct myvmx_vmx_caps myvmx_caps;

int myvmx_adjust_controls(u32 required, u32 optional, u64 cap_msr,
			  u32 *result);
int myvmx_vmx_probe(void);

/* vmx_cpu.c: VMX operation on one CPU */
int myvmx_vmx_cpu_setup(void);
void myvmx_vmx_cpu_teardown(void);
int myvmx_vmx_cpu_enable(void);
void myvmx_vmx_cpu_disable(void);

/* The per-vCPU VT-x state. */
struct myvmx_vmx_vcpu {
	struct myvmx_vcpu *vcpu;
	struct myvmx_vmcs *vmcs;
	int cpu;			/* where the VMCS is active, or -1 */
	bool launched;
	bool window;			/* interrupt-window exiting is on */
	u64 exit_rip;			/* the guest's RIP at the last exit */
	unsigned long host_cr3, host_cr4;	/* as written in the VMCS */
	struct list_head loaded_node;	/* on the CPU's loaded list */
	u16 vpid;
	unsigned long *msr_bitmap;
	u64 cr0_shadow, cr4_shadow;	/* myvmx's bits: myvmx_guest_cr0/4 */
	u64 host_fs_base;
	/* Emulated MSRs the VMCS does not hold. */
	u64 msr_kernel_gs_base, msr_star, msr_lstar, msr_cstar, msr_sfmask;
};

/* The EPT pointer: write-back tables, a 4-level walk (length - 1 = 3). */
static inline u64 myvmx_eptp(const struct myvmx_tdp *ept)
{
	return __pa(ept->root) | VMX_EPTP_MT_WB | VMX_EPTP_PWL_4;
}

/* vmx_vmcs.c */
void myvmx_vmcs_load(struct myvmx_vmx_vcpu *vx);
void myvmx_vmcs_clear_on_cpu(struct myvmx_vmx_vcpu *vx);
void myvmx_vmcs_clear(struct myvmx_vmx_vcpu *vx);
void myvmx_set_cr0(struct myvmx_vmx_vcpu *vx, u64 cr0);
void myvmx_set_cr4(struct myvmx_vmx_vcpu *vx, u64 cr4);
u64 myvmx_guest_cr0(struct myvmx_vmx_vcpu *vx);
u64 myvmx_guest_cr4(struct myvmx_vmx_vcpu *vx);
int myvmx_vmcs_setup(struct myvmx_vmx_vcpu *vx, u64 eptp);
void myvmx_invvpid_all(void);
void myvmx_invept_all(void);

/* vmx_run.c, vmx_exit.c */
void myvmx_vmx_vcpu_load(struct myvmx_vcpu *vcpu);
int myvmx_vmx_vcpu_enter(struct myvmx_vcpu *vcpu);
void myvmx_vmx_read_host_msrs(void);
int myvmx_vmx_handle_exit(struct myvmx_vcpu *vcpu, u32 reason);
enum myvmx_exit_kind myvmx_vmx_exit_kind(u32 reason);
u64 myvmx_vmx_msr_get(struct myvmx_vcpu *vcpu, u32 msr);
void myvmx_vmx_msr_set(struct myvmx_vcpu *vcpu, u32 msr, u64 val);
void myvmx_vmx_inject(struct myvmx_vmx_vcpu *vx, u8 type, u8 vector,
		      bool has_error, u32 error);
void myvmx_vmx_update_long_mode(struct myvmx_vmx_vcpu *vx);

/* vmx_enter.S: 0 after a VM exit, 1 when VMLAUNCH/VMRESUME failed. */
int myvmx_vmx_enter(u64 *gpr, bool launched);
extern const char myvmx_vmx_exit_point[];
void myvmx_vmx_do_interrupt(unsigned long handler);

/* VMREAD/VMWRITE; the VMCS is current on this CPU. */
static __always_inline unsigned long vmcs_read(unsigned long field)
{
	unsigned long value;

	asm volatile("vmread %1, %0" : "=r"(value) : "r"(field) : "cc");
	return value;
}

void myvmx_vmwrite_error(unsigned long field, unsigned long value);

static __always_inline void vmcs_write(unsigned long field,
				       unsigned long value)
{
	bool failed;

	asm volatile("vmwrite %2, %1" CC_SET(na)
		     : CC_OUT(na)(failed) : "r"(field), "rm"(value) : "cc");
	if (unlikely(failed))
		myvmx_vmwrite_error(field, value);
}

#endif /* _MYVMX_VMX_H */
