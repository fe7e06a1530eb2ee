// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-V exits, by code.  Handlers return MYVMX_RESUME to enter the guest
 * again or MYVMX_TO_USER with the run structure filled in, exactly as the
 * VT-x ones do, so that both backends give user space the same exits.
 * Where the CPU does not save the next RIP (no NRIPS) or name the
 * register (no decode assists), the instruction is read from the guest:
 * its prefixes (decode.c's reading of them) and, for MOV to or from a
 * debug register, its ModRM byte.
 */
#include <kunit/visibility.h>
#include <asm/msr-index.h>
#include <asm/trap_pf.h>
#include <asm/trapnr.h>

#include "svm.h"

/*
 * The instruction at RIP into @code and its prefixes into @px, in the
 * guest's mode @m (filled here).  Returns the bytes read, or an error.
 */
static int myvmx_svm_prefixes(struct myvmx_vcpu *vcpu, struct myvmx_cpu_mode *m,
			      u8 *code, struct myvmx_prefixes *px)
{
	int n;

	myvmx_backend->cpu_mode(vcpu, m);
	n = myvmx_fetch_insn(vcpu, m, code);
	if (n < 0)
		return n;
	return myvmx_decode_prefixes(code, n, myvmx_code_bits(m), px) ?: n;
}

/* Move RIP past the intercepted instruction, @opcode_len bytes unprefixed. */
static void myvmx_svm_skip(struct myvmx_vcpu *vcpu, unsigned int opcode_len)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	struct myvmx_prefixes px = { 0 };
	struct myvmx_cpu_mode m;
	u8 code[MYVMX_INSN_MAX];

	if (myvmx_svm_caps.nrips) {
		vcpu->rip = sv->vmcb->control.next_rip;
		return;
	}
	if (myvmx_svm_prefixes(vcpu, &m, code, &px) < 0)
		px.len = 0;
	vcpu->rip += px.len + opcode_len;
}

void myvmx_svm_inject(struct myvmx_svm_vcpu *sv, u8 type, u8 vector,
		      bool has_error, u32 error)
{
	/* uapi event types are the EVENTINJ ones (0 INTR, 3 exception). */
	u32 inj = SVM_EVTINJ_VALID | (type << 8) | vector;

	/* Real mode has no error codes. */
	if (has_error && (sv->vmcb->save.cr0 & X86_CR0_PE)) {
		inj |= SVM_EVTINJ_VALID_ERR;
		sv->vmcb->control.event_inj_err = error;
	}
	sv->vmcb->control.event_inj = inj;
}

static int myvmx_svm_fault(struct myvmx_vcpu *vcpu, u8 vector)
{
	myvmx_svm_inject(vcpu->arch, MYVMX_EVENT_EXCEPTION, vector,
			 vector == X86_TRAP_GP, 0);
	return MYVMX_RESUME;
}

static int myvmx_svm_handle_io(struct myvmx_vcpu *vcpu)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	u64 info = sv->vmcb->control.exit_info_1;
	struct myvmx_io_exit io = {
		.port = info >> 16,
		.size = (info & SVM_IOIO_SIZE_MASK) >> SVM_IOIO_SIZE_SHIFT,
		.in = info & SVM_IOIO_TYPE_MASK,
		.string = info & SVM_IOIO_STR_MASK,
		.rep = info & SVM_IOIO_REP_MASK,
		/* EXITINFO2 is the next RIP, with or without NRIPS. */
		.insn_len = sv->vmcb->control.exit_info_2 - vcpu->rip,
	};

	/* SZ8, SZ16, SZ32 are bits 4..6: 1, 2, 4 after the shift. */
	if (io.string) {
		struct myvmx_prefixes px;
		struct myvmx_cpu_mode m;
		u8 code[MYVMX_INSN_MAX];

		/*
		 * The segment (OUTS) is the instruction's; so is the address
		 * size where the CPU leaves A16, A32, A64 (bits 7..9) clear,
		 * as QEMU does.  INS always writes ES:rDI.
		 */
		if (myvmx_svm_prefixes(vcpu, &m, code, &px) < 0)
			return myvmx_exit_internal(vcpu,
						   MYVMX_INTERNAL_EMULATION,
						   SVM_EXIT_IOIO, info);
		io.addr_size = ((info & SVM_IOIO_ASIZE_MASK) >>
				SVM_IOIO_ASIZE_SHIFT) * 2 ?: px.addr_size;
		io.linear = myvmx_string_linear(vcpu, &m, px.seg, io.addr_size,
						!io.in);
	}
	return myvmx_emulate_io(vcpu, &io);
}

/* Debug registers are not virtualized: reads give reset values. */
static int myvmx_svm_handle_dr(struct myvmx_vcpu *vcpu, u32 code)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	u64 info = sv->vmcb->control.exit_info_1;
	unsigned int dr = code & 7, reg;
	struct myvmx_prefixes px;
	struct myvmx_cpu_mode m;
	u8 insn[MYVMX_INSN_MAX];
	int n;

	n = myvmx_svm_prefixes(vcpu, &m, insn, &px);
	if (n < 0 || px.len + 3 > n || insn[px.len] != 0x0f)
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_EMULATION,
					   code, info);
	reg = (insn[px.len + 2] & 7) | (px.rex & 1 ? 8 : 0);	/* REX.B */
	if (myvmx_svm_caps.decode_assists && (info & BIT_ULL(63)))
		reg = info & 15;
	if (code < SVM_EXIT_WRITE_DR0)
		vcpu->gpr[reg] = dr == 6 ? 0xffff0ff0 : dr == 7 ? 0x400 : 0;
	vcpu->rip += px.len + 3;
	return MYVMX_RESUME;
}

static int myvmx_svm_handle_msr(struct myvmx_vcpu *vcpu)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	bool ok = sv->vmcb->control.exit_info_1 ?
		  myvmx_emulate_wrmsr(vcpu) : myvmx_emulate_rdmsr(vcpu);

	if (!ok)
		return myvmx_svm_fault(vcpu, X86_TRAP_GP);
	myvmx_svm_skip(vcpu, 2);
	return MYVMX_RESUME;
}

/* Nested page fault: EXITINFO1 is the error code, EXITINFO2 the address. */
static int myvmx_svm_handle_npf(struct myvmx_vcpu *vcpu)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	u64 error = sv->vmcb->control.exit_info_1;
	u64 gpa = sv->vmcb->control.exit_info_2;

	if (myvmx_find_region(vcpu->vm, gpa))
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_UNHANDLED_EXIT,
					   SVM_EXIT_NPF, error);
	if (error & X86_PF_INSTR)		/* executing from MMIO */
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_EMULATION,
					   SVM_EXIT_NPF, gpa);
	return myvmx_emulate_mmio(vcpu, gpa, error & X86_PF_WRITE);
}

/* The interrupt window opened: drop the virtual interrupt that asked. */
static int myvmx_svm_handle_vintr(struct myvmx_vcpu *vcpu)
{
	myvmx_svm_set_window(vcpu->arch, false);
	return MYVMX_RESUME;
}

/* The exit's kind in the counters' vocabulary (uapi/myvmx.h). */
enum myvmx_exit_kind myvmx_svm_exit_kind(u32 code, u64 info1)
{
	switch (code) {
	case SVM_EXIT_IOIO:
		return MYVMX_KIND_IO;
	case SVM_EXIT_NPF:
		return MYVMX_KIND_MMIO;
	case SVM_EXIT_HLT:
		return MYVMX_KIND_HLT;
	case SVM_EXIT_CPUID:
		return MYVMX_KIND_CPUID;
	case SVM_EXIT_MSR:
		return info1 ? MYVMX_KIND_MSR_WRITE : MYVMX_KIND_MSR_READ;
	case SVM_EXIT_READ_DR0 ... SVM_EXIT_WRITE_DR7:
		return MYVMX_KIND_DR_ACCESS;
	case SVM_EXIT_INTR:
		return MYVMX_KIND_EXTERNAL_INTERRUPT;
	case SVM_EXIT_NMI:
		return MYVMX_KIND_NMI;
	case SVM_EXIT_VINTR:
		return MYVMX_KIND_INTERRUPT_WINDOW;
	case SVM_EXIT_SHUTDOWN:
		return MYVMX_KIND_SHUTDOWN;
	case SVM_EXIT_ERR:
		return MYVMX_KIND_FAILED_ENTRY;
	case SVM_EXIT_INVD:
	case SVM_EXIT_WBINVD:
		return MYVMX_KIND_CACHE;
	case SVM_EXIT_VMRUN ... SVM_EXIT_SKINIT:
	case SVM_EXIT_INVLPGA:
	case SVM_EXIT_MONITOR ... SVM_EXIT_RDPRU:
		return MYVMX_KIND_INVALID_OPCODE;
	}
	return MYVMX_KIND_OTHER;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_svm_exit_kind);

int myvmx_svm_handle_exit(struct myvmx_vcpu *vcpu, u32 code)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	struct myvmx_run *run = vcpu->run;

	/* What a CPU without SVM, XSAVE or MONITOR would not know. */
	if (myvmx_svm_exit_kind(code, 0) == MYVMX_KIND_INVALID_OPCODE)
		return myvmx_svm_fault(vcpu, X86_TRAP_UD);
	switch (code) {
	case SVM_EXIT_INTR:		/* taken by the host after STGI */
	case SVM_EXIT_NMI:
	case SVM_EXIT_SMI:
	case SVM_EXIT_INIT:
		return MYVMX_RESUME;
	case SVM_EXIT_VINTR:
		return myvmx_svm_handle_vintr(vcpu);
	case SVM_EXIT_SHUTDOWN:
		run->exit_reason = MYVMX_EXIT_SHUTDOWN;
		return MYVMX_TO_USER;
	case SVM_EXIT_ERR:
		run->exit_reason = MYVMX_EXIT_FAIL_ENTRY;
		run->fail_entry.hardware_reason = code;
		return MYVMX_TO_USER;
	case SVM_EXIT_CPUID:
		myvmx_emulate_cpuid(vcpu);
		myvmx_svm_skip(vcpu, 2);
		return MYVMX_RESUME;
	case SVM_EXIT_HLT:
		myvmx_svm_skip(vcpu, 1);
		/*
		 * An interrupt the guest has yet to take (QEMU runs HLT
		 * before a pending virtual interrupt) ends the HLT at once.
		 */
		if (((struct myvmx_svm_vcpu *)vcpu->arch)->virq)
			return MYVMX_RESUME;
		run->exit_reason = MYVMX_EXIT_HLT;
		return MYVMX_TO_USER;
	case SVM_EXIT_IOIO:
		return myvmx_svm_handle_io(vcpu);
	case SVM_EXIT_MSR:
		return myvmx_svm_handle_msr(vcpu);
	case SVM_EXIT_READ_DR0 ... SVM_EXIT_WRITE_DR7:
		return myvmx_svm_handle_dr(vcpu, code);
	case SVM_EXIT_NPF:
		return myvmx_svm_handle_npf(vcpu);
	case SVM_EXIT_RDPMC:
		return myvmx_svm_fault(vcpu, X86_TRAP_GP);
	case SVM_EXIT_INVD:
	case SVM_EXIT_WBINVD:
		myvmx_svm_skip(vcpu, 2);
		return MYVMX_RESUME;
	}
	return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_UNHANDLED_EXIT, code,
				   sv->vmcb->control.exit_info_1);
}

/* The MSRs msr.c leaves to the backend: all in the VMCB's save area. */
u64 myvmx_svm_msr_get(struct myvmx_vcpu *vcpu, u32 msr)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	const struct vmcb_save_area *s = &sv->vmcb->save;

	switch (msr) {
	case MSR_EFER:
		return s->efer & ~EFER_SVME;
	case MSR_IA32_CR_PAT:
		return s->g_pat;
	case MSR_IA32_SYSENTER_CS:
		return s->sysenter_cs;
	case MSR_IA32_SYSENTER_ESP:
		return s->sysenter_esp;
	case MSR_IA32_SYSENTER_EIP:
		return s->sysenter_eip;
	case MSR_KERNEL_GS_BASE:
		return s->kernel_gs_base;
	case MSR_STAR:
		return s->star;
	case MSR_LSTAR:
		return s->lstar;
	case MSR_CSTAR:
		return s->cstar;
	case MSR_SYSCALL_MASK:
		return s->sfmask;
	}
	return 0;
}

void myvmx_svm_msr_set(struct myvmx_vcpu *vcpu, u32 msr, u64 val)
{
	struct myvmx_svm_vcpu *sv = vcpu->arch;
	struct vmcb_save_area *s = &sv->vmcb->save;

	switch (msr) {
	case MSR_EFER:
		/* LMA is the CPU's to set; SVME must stay for VMRUN. */
		s->efer = (val & ~EFER_LMA) | (s->efer & EFER_LMA) | EFER_SVME;
		sv->dirty |= MYVMX_VMCB_CR;
		break;
	case MSR_IA32_CR_PAT:
		s->g_pat = val;
		sv->dirty |= MYVMX_VMCB_NPT;
		break;
	case MSR_IA32_SYSENTER_CS:
		s->sysenter_cs = val;
		break;
	case MSR_IA32_SYSENTER_ESP:
		s->sysenter_esp = val;
		break;
	case MSR_IA32_SYSENTER_EIP:
		s->sysenter_eip = val;
		break;
	case MSR_KERNEL_GS_BASE:
		s->kernel_gs_base = val;
		break;
	case MSR_STAR:
		s->star = val;
		break;
	case MSR_LSTAR:
		s->lstar = val;
		break;
	case MSR_CSTAR:
		s->cstar = val;
		break;
	case MSR_SYSCALL_MASK:
		s->sfmask = val;
		break;
	}
}
