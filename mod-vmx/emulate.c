// SPDX-License-Identifier: GPL-2.0
/*
 * Port I/O and MMIO exits, which user space completes: the part done
 * before the exit (what is written, register and RIP updates of stores)
 * and the part done at the next RUN (a read's data into the register or
 * guest memory).  OUTS, MOVS and STOS move one element per exit; REP INS
 * reads ahead as KVM does (up to 1 KiB, not past rDI's page); a REP
 * instruction is re-entered until rCX runs out.
 */
#include <linux/mm.h>
#include <linux/string.h>

#include "vmm.h"

static u64 myvmx_mask(unsigned int size)
{
	return size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

/* Write @size bytes of @val to register @reg, as a MOV would. */
static void myvmx_set_reg(struct myvmx_vcpu *vcpu, unsigned int reg,
			  bool high_byte, unsigned int size, u64 val)
{
	u64 *r = &vcpu->gpr[reg];

	if (high_byte)
		*r = (*r & ~0xff00ULL) | ((val & 0xff) << 8);
	else if (size >= 4)
		*r = val & myvmx_mask(size);	/* 32-bit writes zero-extend */
	else
		*r = (*r & ~myvmx_mask(size)) | (val & myvmx_mask(size));
}

static u64 myvmx_get_reg(struct myvmx_vcpu *vcpu, unsigned int reg,
			 bool high_byte, unsigned int size)
{
	if (high_byte)
		return (vcpu->gpr[reg] >> 8) & 0xff;
	return vcpu->gpr[reg] & myvmx_mask(size);
}

/* Add @delta to an address register of @addr_size bytes. */
static void myvmx_step_reg(struct myvmx_vcpu *vcpu, unsigned int reg,
			   unsigned int addr_size, s64 delta)
{
	myvmx_set_reg(vcpu, reg, false, addr_size,
		      vcpu->gpr[reg] + (u64)delta);
}

/*
 * One element of a string instruction done: advance rSI and/or rDI, and
 * for REP count rCX down; RIP moves on only when the count is done.
 */
static void myvmx_string_steps(struct myvmx_vcpu *vcpu, unsigned int size,
			       unsigned int count, unsigned int addr_size,
			       bool src, bool dst, bool rep, u64 rip_next)
{
	s64 delta = (vcpu->rflags & X86_EFLAGS_DF ? -(s64)size : size) * count;

	if (src)
		myvmx_step_reg(vcpu, 6, addr_size, delta);
	if (dst)
		myvmx_step_reg(vcpu, 7, addr_size, delta);
	if (rep) {
		myvmx_step_reg(vcpu, 1, addr_size, -(s64)count);
		if (vcpu->gpr[1] & myvmx_mask(addr_size))
			return;
	}
	vcpu->rip = rip_next;
}

static void myvmx_string_step(struct myvmx_vcpu *vcpu, unsigned int size,
			      unsigned int addr_size, bool src, bool dst,
			      bool rep, u64 rip_next)
{
	myvmx_string_steps(vcpu, size, 1, addr_size, src, dst, rep, rip_next);
}

static void *myvmx_io_data(struct myvmx_vcpu *vcpu)
{
	return (u8 *)vcpu->run + MYVMX_IO_DATA_OFFSET;
}

int myvmx_exit_internal(struct myvmx_vcpu *vcpu, u32 suberror, u32 reason,
			u64 qualification)
{
	vcpu->run->exit_reason = MYVMX_EXIT_INTERNAL_ERROR;
	vcpu->run->internal.suberror = suberror;
	vcpu->run->internal.hw_reason = reason;
	vcpu->run->internal.qualification = qualification;
	return MYVMX_TO_USER;
}

int myvmx_emulate_io(struct myvmx_vcpu *vcpu, const struct myvmx_io_exit *io)
{
	struct myvmx_run *run = vcpu->run;
	u64 rip_next = vcpu->rip + io->insn_len;
	void *data = myvmx_io_data(vcpu);

	run->exit_reason = MYVMX_EXIT_IO;
	run->io.port = io->port;
	run->io.size = io->size;
	run->io.direction = io->in ? MYVMX_IO_IN : MYVMX_IO_OUT;
	run->io.count = 1;
	run->io.data_offset = MYVMX_IO_DATA_OFFSET;
	vcpu->io_size = io->size;

	if (!io->string) {
		if (io->in) {
			memset(data, 0, io->size);
			vcpu->pending = MYVMX_PENDING_IO_IN;
			vcpu->insn_rip_next = rip_next;
		} else {
			u64 val = vcpu->gpr[0];

			memcpy(data, &val, io->size);
			vcpu->rip = rip_next;
		}
		return MYVMX_TO_USER;
	}

	if (io->rep && !(vcpu->gpr[1] & myvmx_mask(io->addr_size))) {
		vcpu->rip = rip_next;
		return MYVMX_RESUME;
	}
	vcpu->io_rep = io->rep;
	vcpu->io_addr_size = io->addr_size;
	if (io->in) {
		u64 rcx = io->rep ? vcpu->gpr[1] & myvmx_mask(io->addr_size) : 1;
		u64 rdi = vcpu->gpr[7];
		unsigned int in_page = vcpu->rflags & X86_EFLAGS_DF ?
				       offset_in_page(rdi) :
				       PAGE_SIZE - offset_in_page(rdi);

		run->io.count = min3((u64)in_page, (u64)MYVMX_IO_DATA_MAX /
				     io->size, rcx) ?: 1;
		vcpu->io_count = run->io.count;
		memset(data, 0, io->size * run->io.count);
		vcpu->pending = MYVMX_PENDING_INS;
		vcpu->pending_linear = io->linear;
		vcpu->insn_rip_next = rip_next;
		return MYVMX_TO_USER;
	}
	{
		struct myvmx_cpu_mode m;

		myvmx_backend->cpu_mode(vcpu, &m);
		if (myvmx_read_gva(vcpu, &m, io->linear, data, io->size))
			return myvmx_exit_internal(vcpu,
						   MYVMX_INTERNAL_EMULATION,
						   0, io->linear);
	}
	myvmx_string_step(vcpu, io->size, io->addr_size, true, false, io->rep,
			  rip_next);
	return MYVMX_TO_USER;
}

enum myvmx_cpu_bits myvmx_code_bits(const struct myvmx_cpu_mode *m)
{
	if ((m->efer & EFER_LMA) && m->cs_l)
		return MYVMX_BITS_64;
	return m->cs_db ? MYVMX_BITS_32 : MYVMX_BITS_16;
}

static u64 myvmx_seg_base(const struct myvmx_cpu_mode *m, int seg)
{
	switch (seg) {
	case 0: return m->es_base;
	case 1: return m->cs_base;
	case 2: return m->ss_base;
	case 4: return m->fs_base;
	case 5: return m->gs_base;
	default: return m->ds_base;
	}
}

/*
 * The linear address of a string operand: @seg:rSI for the @source, else
 * ES:rDI, with @addr_size bytes of the register.
 */
u64 myvmx_string_linear(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
			int seg, unsigned int addr_size, bool source)
{
	u64 off = vcpu->gpr[source ? 6 : 7] & myvmx_mask(addr_size);
	bool long_mode = myvmx_code_bits(m) == MYVMX_BITS_64;
	u64 base;

	if (!source)
		base = long_mode ? 0 : m->es_base;
	else if (long_mode)
		base = seg == 4 ? m->fs_base : seg == 5 ? m->gs_base : 0;
	else
		base = myvmx_seg_base(m, seg);
	return long_mode ? base + off : (base + off) & 0xffffffffULL;
}

static u64 myvmx_string_addr(struct myvmx_vcpu *vcpu,
			     const struct myvmx_cpu_mode *m,
			     const struct myvmx_insn *insn, bool source)
{
	return myvmx_string_linear(vcpu, m, insn->seg, insn->addr_size,
				   source);
}

/* Up to 15 bytes of code at CS:RIP; returns how many, or -EFAULT. */
int myvmx_fetch_insn(struct myvmx_vcpu *vcpu, const struct myvmx_cpu_mode *m,
		     u8 *code)
{
	u64 linear = m->cs_base + vcpu->rip;
	unsigned int n = MYVMX_INSN_MAX;

	if (myvmx_code_bits(m) != MYVMX_BITS_64)
		linear &= 0xffffffffULL;
	if (!myvmx_read_gva(vcpu, m, linear, code, n))
		return n;
	/* The instruction may end before an unmapped page does. */
	n = PAGE_SIZE - offset_in_page(linear);
	if (n < MYVMX_INSN_MAX && !myvmx_read_gva(vcpu, m, linear, code, n))
		return n;
	return -EFAULT;
}

int myvmx_emulate_mmio(struct myvmx_vcpu *vcpu, u64 gpa, bool is_write)
{
	struct myvmx_insn *insn = &vcpu->insn;
	struct myvmx_run *run = vcpu->run;
	struct myvmx_cpu_mode m;
	u8 code[MYVMX_INSN_MAX];
	u64 rip_next, val = 0;
	bool writes;
	int n;

	myvmx_backend->cpu_mode(vcpu, &m);
	n = myvmx_fetch_insn(vcpu, &m, code);
	if (n < 0 || myvmx_decode(code, n, myvmx_code_bits(&m), insn))
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_EMULATION, 0,
					   gpa);
	writes = insn->op == MYVMX_OP_STORE_REG ||
		 insn->op == MYVMX_OP_STORE_IMM || insn->op == MYVMX_OP_STOS ||
		 (insn->op == MYVMX_OP_MOVS && is_write);
	if (writes != is_write)
		return myvmx_exit_internal(vcpu, MYVMX_INTERNAL_EMULATION, 0,
					   gpa);
	rip_next = vcpu->rip + insn->len;

	run->exit_reason = MYVMX_EXIT_MMIO;
	run->mmio.addr = gpa;
	run->mmio.size = insn->mem_size;
	run->mmio.is_write = is_write;
	memset(run->mmio.data, 0, sizeof(run->mmio.data));

	switch (insn->op) {
	case MYVMX_OP_STORE_REG:
		val = myvmx_get_reg(vcpu, insn->reg, insn->high_byte,
				    insn->mem_size);
		vcpu->rip = rip_next;
		break;
	case MYVMX_OP_STORE_IMM:
		val = insn->imm;
		vcpu->rip = rip_next;
		break;
	case MYVMX_OP_STOS:
		val = vcpu->gpr[0];
		myvmx_string_step(vcpu, insn->mem_size, insn->addr_size, false,
				  true, insn->rep, rip_next);
		break;
	case MYVMX_OP_MOVS:
		if (is_write) {
			if (myvmx_read_gva(vcpu, &m,
					   myvmx_string_addr(vcpu, &m, insn,
							     true),
					   &val, insn->mem_size))
				return myvmx_exit_internal(vcpu,
						MYVMX_INTERNAL_EMULATION, 0,
						gpa);
			myvmx_string_step(vcpu, insn->mem_size,
					  insn->addr_size, true, true,
					  insn->rep, rip_next);
			break;
		}
		vcpu->pending = MYVMX_PENDING_MMIO_MOVS;
		vcpu->pending_linear = myvmx_string_addr(vcpu, &m, insn, false);
		vcpu->insn_rip_next = rip_next;
		return MYVMX_TO_USER;
	default:
		vcpu->pending = MYVMX_PENDING_MMIO_READ;
		vcpu->insn_rip_next = rip_next;
		return MYVMX_TO_USER;
	}
	memcpy(run->mmio.data, &val, insn->mem_size);
	return MYVMX_TO_USER;
}

static int myvmx_complete_mmio_read(struct myvmx_vcpu *vcpu)
{
	const struct myvmx_insn *insn = &vcpu->insn;
	u64 val = 0;

	memcpy(&val, vcpu->run->mmio.data, insn->mem_size);
	if (insn->op == MYVMX_OP_LOAD_SX)
		val = insn->mem_size == 1 ? (u64)(s64)(s8)val :
					    (u64)(s64)(s16)val;
	myvmx_set_reg(vcpu, insn->reg, insn->high_byte, insn->reg_size, val);
	vcpu->rip = vcpu->insn_rip_next;
	return 0;
}

/* Store what user space read for INS, element by element. */
static int myvmx_complete_ins(struct myvmx_vcpu *vcpu)
{
	unsigned int i, size = vcpu->io_size;
	s64 step = vcpu->rflags & X86_EFLAGS_DF ? -(s64)size : size;
	struct myvmx_cpu_mode m;
	u8 *data = myvmx_io_data(vcpu);

	myvmx_backend->cpu_mode(vcpu, &m);
	for (i = 0; i < vcpu->io_count; i++)
		if (myvmx_write_gva(vcpu, &m, vcpu->pending_linear + i * step,
				    data + i * size, size))
			return -EFAULT;
	myvmx_string_steps(vcpu, size, vcpu->io_count, vcpu->io_addr_size,
			   false, true, vcpu->io_rep, vcpu->insn_rip_next);
	return 0;
}

/* Finish the exit user space has served, at the start of RUN. */
int myvmx_complete_user_exit(struct myvmx_vcpu *vcpu)
{
	enum myvmx_pending pending = vcpu->pending;
	struct myvmx_cpu_mode m;
	u64 val = 0;

	vcpu->pending = MYVMX_PENDING_NONE;
	switch (pending) {
	case MYVMX_PENDING_NONE:
		return 0;
	case MYVMX_PENDING_IO_IN:
		memcpy(&val, myvmx_io_data(vcpu), vcpu->io_size);
		myvmx_set_reg(vcpu, 0, false, vcpu->io_size, val);
		vcpu->rip = vcpu->insn_rip_next;
		return 0;
	case MYVMX_PENDING_INS:
		return myvmx_complete_ins(vcpu);
	case MYVMX_PENDING_MMIO_READ:
		return myvmx_complete_mmio_read(vcpu);
	case MYVMX_PENDING_MMIO_MOVS:
		myvmx_backend->cpu_mode(vcpu, &m);
		if (myvmx_write_gva(vcpu, &m, vcpu->pending_linear,
				    vcpu->run->mmio.data, vcpu->insn.mem_size))
			return -EFAULT;
		myvmx_string_step(vcpu, vcpu->insn.mem_size,
				  vcpu->insn.addr_size, true, true,
				  vcpu->insn.rep, vcpu->insn_rip_next);
		return 0;
	}
	return 0;
}
