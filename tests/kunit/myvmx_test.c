// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: myvmx's logic that needs no VMX operation.  The MMIO instruction
 * decoder (every accepted form in 16-, 32- and 64-bit code, truncations,
 * rejections), the EPT builder (EPTP, leaf and non-leaf entry bits, walks
 * across table boundaries, errors, freeing) and its NPT leaves, the
 * capability-MSR control
 * adjustment, the CPUID filter and the VMCS segment field arithmetic.
 * Every expected value is written out by hand from the Intel SDM.
 */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/vmx.h>

#include "../../mod-vmx/decode.h"
#include "../../mod-vmx/tdp.h"
#include "../../mod-vmx/vmx.h"

/* Test-managed objects: freed when the case ends, even on a failure. */

static int defer_init(struct kunit_resource *res, void *context)
{
	res->data = context;
	return 0;
}

static void defer_ept_free(struct kunit_resource *res)
{
	myvmx_tdp_free(res->data);
}

static void defer(struct kunit *test, kunit_resource_free_t free, void *obj)
{
	struct kunit_resource res = { .data = obj };

	if (!kunit_alloc_resource(test, defer_init, free, GFP_KERNEL, obj)) {
		free(&res);
		KUNIT_FAIL(test, "out of memory for a test resource");
	}
}

/* The decoder */

#define B16	MYVMX_BITS_16
#define B32	MYVMX_BITS_32
#define B64	MYVMX_BITS_64

#define ST_REG	MYVMX_OP_STORE_REG
#define ST_IMM	MYVMX_OP_STORE_IMM
#define LD	MYVMX_OP_LOAD
#define LD_ZX	MYVMX_OP_LOAD_ZX
#define LD_SX	MYVMX_OP_LOAD_SX
#define MOVS	MYVMX_OP_MOVS
#define STOS	MYVMX_OP_STOS

/* The segment override expected: insn->seg is this minus one (none: -1). */
enum test_seg { NOSEG, SEG_ES, SEG_CS, SEG_SS, SEG_DS, SEG_FS, SEG_GS };

/*
 * An accepted instruction: its bytes (exactly .len of them, the rest of
 * .code zero) and the decoding expected.  reg, reg_size and high only
 * matter for the forms with a register operand, imm for STORE_IMM.
 */
struct decode_case {
	const char *name;
	enum myvmx_cpu_bits bits;
	u8 code[MYVMX_INSN_MAX];
	enum myvmx_insn_op op;
	u8 len;
	u8 mem;
	u8 addr;
	u8 reg_size;
	u8 reg;
	bool high;
	bool rep;
	enum test_seg seg;
	u64 imm;
};

static const struct decode_case decode_cases[] = {
	/* 32-bit code: ModRM forms */
	{ "32 mov [eax],ecx", B32, { 0x89, 0x08 },
	  ST_REG, .len = 2, .mem = 4, .addr = 4, .reg_size = 4, .reg = 1 },
	{ "32 mov [ebx],cl", B32, { 0x88, 0x0b },
	  ST_REG, .len = 2, .mem = 1, .addr = 4, .reg_size = 1, .reg = 1 },
	{ "32 mov eax,[esi+8] disp8", B32, { 0x8b, 0x46, 0x08 },
	  LD, .len = 3, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0 },
	{ "32 mov dl,[edi+0x1000] disp32", B32,
	  { 0x8a, 0x97, 0x00, 0x10, 0x00, 0x00 },
	  LD, .len = 6, .mem = 1, .addr = 4, .reg_size = 1, .reg = 2 },
	{ "32 mov edx,[0xfee00000] absolute", B32,
	  { 0x8b, 0x15, 0x00, 0x00, 0xe0, 0xfe },
	  LD, .len = 6, .mem = 4, .addr = 4, .reg_size = 4, .reg = 2 },
	{ "32 mov [esp],eax SIB", B32, { 0x89, 0x04, 0x24 },
	  ST_REG, .len = 3, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0 },
	{ "32 mov [esp+0x10],eax SIB disp8", B32, { 0x89, 0x44, 0x24, 0x10 },
	  ST_REG, .len = 4, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0 },
	{ "32 mov [ebx+ecx*4+0x100],eax SIB disp32", B32,
	  { 0x89, 0x84, 0x8b, 0x00, 0x01, 0x00, 0x00 },
	  ST_REG, .len = 7, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0 },
	{ "32 mov ecx,[eax*4+0xfec00000] SIB no base", B32,
	  { 0x8b, 0x0c, 0x85, 0x00, 0x00, 0xc0, 0xfe },
	  LD, .len = 7, .mem = 4, .addr = 4, .reg_size = 4, .reg = 1 },
	{ "32 mov [ebp+0],eax", B32, { 0x89, 0x45, 0x00 },
	  ST_REG, .len = 3, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0 },
	{ "32 mov ebp,[ebp-4] SIB base ebp disp8", B32, { 0x8b, 0x6c, 0x25, 0xfc },
	  LD, .len = 4, .mem = 4, .addr = 4, .reg_size = 4, .reg = 5 },
	{ "32 mov ah,[eax]", B32, { 0x8a, 0x20 },
	  LD, .len = 2, .mem = 1, .addr = 4, .reg_size = 1, .reg = 0,
	  .high = true },
	{ "32 mov [esi],bh", B32, { 0x88, 0x3e },
	  ST_REG, .len = 2, .mem = 1, .addr = 4, .reg_size = 1, .reg = 3,
	  .high = true },
	/* 32-bit code: operand and address size prefixes */
	{ "32 o16 mov [eax],cx", B32, { 0x66, 0x89, 0x08 },
	  ST_REG, .len = 3, .mem = 2, .addr = 4, .reg_size = 2, .reg = 1 },
	{ "32 a16 mov [bx],eax", B32, { 0x67, 0x89, 0x07 },
	  ST_REG, .len = 3, .mem = 4, .addr = 2, .reg_size = 4, .reg = 0 },
	{ "32 a16 mov ecx,[0x1234] disp16", B32, { 0x67, 0x8b, 0x0e, 0x34, 0x12 },
	  LD, .len = 5, .mem = 4, .addr = 2, .reg_size = 4, .reg = 1 },
	{ "32 o16 a16 mov ax,[bp-2]", B32, { 0x66, 0x67, 0x8b, 0x46, 0xfe },
	  LD, .len = 5, .mem = 2, .addr = 2, .reg_size = 2, .reg = 0 },
	{ "32 13 o16 prefixes: 15 bytes", B32,
	  { 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
	    0x66, 0x66, 0x89, 0x08 },
	  ST_REG, .len = 15, .mem = 2, .addr = 4, .reg_size = 2, .reg = 1 },
	/* 32-bit code: segment overrides, a REP that means nothing */
	{ "32 mov eax,fs:[ebx]", B32, { 0x64, 0x8b, 0x03 },
	  LD, .len = 3, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0,
	  .seg = SEG_FS },
	{ "32 mov es:[edi],al", B32, { 0x26, 0x88, 0x07 },
	  ST_REG, .len = 3, .mem = 1, .addr = 4, .reg_size = 1, .reg = 0,
	  .seg = SEG_ES },
	{ "32 mov cs:[eax],eax", B32, { 0x2e, 0x89, 0x00 },
	  ST_REG, .len = 3, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0,
	  .seg = SEG_CS },
	{ "32 rep mov [eax],ecx (rep ignored)", B32, { 0xf3, 0x89, 0x08 },
	  ST_REG, .len = 3, .mem = 4, .addr = 4, .reg_size = 4, .reg = 1 },
	/* 32-bit code: immediates */
	{ "32 mov byte [eax],0x5a", B32, { 0xc6, 0x00, 0x5a },
	  ST_IMM, .len = 3, .mem = 1, .addr = 4, .imm = 0x5a },
	{ "32 mov dword [0xfee00000],0x12345678", B32,
	  { 0xc7, 0x05, 0x00, 0x00, 0xe0, 0xfe, 0x78, 0x56, 0x34, 0x12 },
	  ST_IMM, .len = 10, .mem = 4, .addr = 4, .imm = 0x12345678 },
	{ "32 mov word [eax],0x1234", B32, { 0x66, 0xc7, 0x00, 0x34, 0x12 },
	  ST_IMM, .len = 5, .mem = 2, .addr = 4, .imm = 0x1234 },
	{ "32 mov dword [eax+4],0xffffffff", B32,
	  { 0xc7, 0x40, 0x04, 0xff, 0xff, 0xff, 0xff },
	  ST_IMM, .len = 7, .mem = 4, .addr = 4, .imm = 0xffffffff },
	{ "32 mov dword [esp],1 SIB", B32,
	  { 0xc7, 0x04, 0x24, 0x01, 0x00, 0x00, 0x00 },
	  ST_IMM, .len = 7, .mem = 4, .addr = 4, .imm = 1 },
	/* 32-bit code: moffs */
	{ "32 mov eax,[moffs32]", B32, { 0xa1, 0x00, 0x00, 0xe0, 0xfe },
	  LD, .len = 5, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0 },
	{ "32 mov [moffs32],al", B32, { 0xa2, 0x78, 0x56, 0x34, 0x12 },
	  ST_REG, .len = 5, .mem = 1, .addr = 4, .reg_size = 1, .reg = 0 },
	{ "32 o16 mov [moffs32],ax", B32, { 0x66, 0xa3, 0x00, 0x10, 0x00, 0x00 },
	  ST_REG, .len = 6, .mem = 2, .addr = 4, .reg_size = 2, .reg = 0 },
	{ "32 a16 mov al,[moffs16]", B32, { 0x67, 0xa0, 0x34, 0x12 },
	  LD, .len = 4, .mem = 1, .addr = 2, .reg_size = 1, .reg = 0 },
	/* 32-bit code: MOVZX, MOVSX */
	{ "32 movzx eax,byte [eax]", B32, { 0x0f, 0xb6, 0x00 },
	  LD_ZX, .len = 3, .mem = 1, .addr = 4, .reg_size = 4, .reg = 0 },
	{ "32 movzx ecx,word [ebx+2]", B32, { 0x0f, 0xb7, 0x4b, 0x02 },
	  LD_ZX, .len = 4, .mem = 2, .addr = 4, .reg_size = 4, .reg = 1 },
	{ "32 movsx edx,byte [eax]", B32, { 0x0f, 0xbe, 0x10 },
	  LD_SX, .len = 3, .mem = 1, .addr = 4, .reg_size = 4, .reg = 2 },
	{ "32 movsx ebx,word [esi]", B32, { 0x0f, 0xbf, 0x1e },
	  LD_SX, .len = 3, .mem = 2, .addr = 4, .reg_size = 4, .reg = 3 },
	{ "32 o16 movzx ax,byte [eax]", B32, { 0x66, 0x0f, 0xb6, 0x00 },
	  LD_ZX, .len = 4, .mem = 1, .addr = 4, .reg_size = 2, .reg = 0 },
	/* 32-bit code: string instructions */
	{ "32 movsb", B32, { 0xa4 },
	  MOVS, .len = 1, .mem = 1, .addr = 4 },
	{ "32 rep movsd", B32, { 0xf3, 0xa5 },
	  MOVS, .len = 2, .mem = 4, .addr = 4, .rep = true },
	{ "32 rep movsw", B32, { 0xf3, 0x66, 0xa5 },
	  MOVS, .len = 3, .mem = 2, .addr = 4, .rep = true },
	{ "32 movsb fs:[esi]", B32, { 0x64, 0xa4 },
	  MOVS, .len = 2, .mem = 1, .addr = 4, .seg = SEG_FS },
	{ "32 a16 rep movsb", B32, { 0xf3, 0x67, 0xa4 },
	  MOVS, .len = 3, .mem = 1, .addr = 2, .rep = true },
	{ "32 rep stosb", B32, { 0xf3, 0xaa },
	  STOS, .len = 2, .mem = 1, .addr = 4, .rep = true },
	{ "32 stosd", B32, { 0xab },
	  STOS, .len = 1, .mem = 4, .addr = 4 },

	/* 16-bit code */
	{ "16 mov [bx],ax", B16, { 0x89, 0x07 },
	  ST_REG, .len = 2, .mem = 2, .addr = 2, .reg_size = 2, .reg = 0 },
	{ "16 mov ax,[bx+si]", B16, { 0x8b, 0x00 },
	  LD, .len = 2, .mem = 2, .addr = 2, .reg_size = 2, .reg = 0 },
	{ "16 mov al,[bp-2] disp8", B16, { 0x8a, 0x46, 0xfe },
	  LD, .len = 3, .mem = 1, .addr = 2, .reg_size = 1, .reg = 0 },
	{ "16 mov [0x1000],cx disp16", B16, { 0x89, 0x0e, 0x00, 0x10 },
	  ST_REG, .len = 4, .mem = 2, .addr = 2, .reg_size = 2, .reg = 1 },
	{ "16 mov dx,[bx+0x1234] disp16", B16, { 0x8b, 0x97, 0x34, 0x12 },
	  LD, .len = 4, .mem = 2, .addr = 2, .reg_size = 2, .reg = 2 },
	{ "16 mov ah,[0x1000]", B16, { 0x8a, 0x26, 0x00, 0x10 },
	  LD, .len = 4, .mem = 1, .addr = 2, .reg_size = 1, .reg = 0,
	  .high = true },
	{ "16 o32 mov [bx],eax", B16, { 0x66, 0x89, 0x07 },
	  ST_REG, .len = 3, .mem = 4, .addr = 2, .reg_size = 4, .reg = 0 },
	{ "16 a32 mov [esp],ax SIB", B16, { 0x67, 0x89, 0x04, 0x24 },
	  ST_REG, .len = 4, .mem = 2, .addr = 4, .reg_size = 2, .reg = 0 },
	{ "16 a32 o32 mov eax,[0xfee00000]", B16,
	  { 0x67, 0x66, 0x8b, 0x05, 0x00, 0x00, 0xe0, 0xfe },
	  LD, .len = 8, .mem = 4, .addr = 4, .reg_size = 4, .reg = 0 },
	{ "16 mov word [0x1000],0x1234", B16,
	  { 0xc7, 0x06, 0x00, 0x10, 0x34, 0x12 },
	  ST_IMM, .len = 6, .mem = 2, .addr = 2, .imm = 0x1234 },
	{ "16 o32 mov dword [bx],0x12345678", B16,
	  { 0x66, 0xc7, 0x07, 0x78, 0x56, 0x34, 0x12 },
	  ST_IMM, .len = 7, .mem = 4, .addr = 2, .imm = 0x12345678 },
	{ "16 mov byte [bx+2],0x80", B16, { 0xc6, 0x47, 0x02, 0x80 },
	  ST_IMM, .len = 4, .mem = 1, .addr = 2, .imm = 0x80 },
	{ "16 mov ax,[moffs16]", B16, { 0xa1, 0x00, 0x10 },
	  LD, .len = 3, .mem = 2, .addr = 2, .reg_size = 2, .reg = 0 },
	{ "16 o32 mov eax,[moffs16]", B16, { 0x66, 0xa1, 0x00, 0x10 },
	  LD, .len = 4, .mem = 4, .addr = 2, .reg_size = 4, .reg = 0 },
	{ "16 a32 mov ax,[moffs32]", B16, { 0x67, 0xa1, 0x00, 0x00, 0xe0, 0xfe },
	  LD, .len = 6, .mem = 2, .addr = 4, .reg_size = 2, .reg = 0 },
	{ "16 rep movsw", B16, { 0xf3, 0xa5 },
	  MOVS, .len = 2, .mem = 2, .addr = 2, .rep = true },
	{ "16 o32 stosd", B16, { 0x66, 0xab },
	  STOS, .len = 2, .mem = 4, .addr = 2 },
	{ "16 movzx ax,byte [bx]", B16, { 0x0f, 0xb6, 0x07 },
	  LD_ZX, .len = 3, .mem = 1, .addr = 2, .reg_size = 2, .reg = 0 },
	{ "16 mov ss:[bx],ax", B16, { 0x36, 0x89, 0x07 },
	  ST_REG, .len = 3, .mem = 2, .addr = 2, .reg_size = 2, .reg = 0,
	  .seg = SEG_SS },
	{ "16 mov ax,ds:[di]", B16, { 0x3e, 0x8b, 0x05 },
	  LD, .len = 3, .mem = 2, .addr = 2, .reg_size = 2, .reg = 0,
	  .seg = SEG_DS },
	{ "16 mov gs:[bx],al", B16, { 0x65, 0x88, 0x07 },
	  ST_REG, .len = 3, .mem = 1, .addr = 2, .reg_size = 1, .reg = 0,
	  .seg = SEG_GS },

	/* 64-bit code: REX */
	{ "64 mov [rax],ecx", B64, { 0x89, 0x08 },
	  ST_REG, .len = 2, .mem = 4, .addr = 8, .reg_size = 4, .reg = 1 },
	{ "64 REX.W mov [rax],rcx", B64, { 0x48, 0x89, 0x08 },
	  ST_REG, .len = 3, .mem = 8, .addr = 8, .reg_size = 8, .reg = 1 },
	{ "64 REX.WR mov [rax],r9", B64, { 0x4c, 0x89, 0x08 },
	  ST_REG, .len = 3, .mem = 8, .addr = 8, .reg_size = 8, .reg = 9 },
	{ "64 REX.B mov [r8],eax", B64, { 0x41, 0x89, 0x00 },
	  ST_REG, .len = 3, .mem = 4, .addr = 8, .reg_size = 4, .reg = 0 },
	{ "64 REX.X mov [rax+r9],eax", B64, { 0x42, 0x89, 0x04, 0x08 },
	  ST_REG, .len = 4, .mem = 4, .addr = 8, .reg_size = 4, .reg = 0 },
	{ "64 REX.B mov [r12],eax SIB", B64, { 0x41, 0x89, 0x04, 0x24 },
	  ST_REG, .len = 4, .mem = 4, .addr = 8, .reg_size = 4, .reg = 0 },
	{ "64 REX.B mov [r13+0],eax", B64, { 0x41, 0x89, 0x45, 0x00 },
	  ST_REG, .len = 4, .mem = 4, .addr = 8, .reg_size = 4, .reg = 0 },
	{ "64 REX.R mov r15d,[rip+0x1000]", B64,
	  { 0x44, 0x8b, 0x3d, 0x00, 0x10, 0x00, 0x00 },
	  LD, .len = 7, .mem = 4, .addr = 8, .reg_size = 4, .reg = 15 },
	{ "64 mov rax,[rip-16]", B64,
	  { 0x48, 0x8b, 0x05, 0xf0, 0xff, 0xff, 0xff },
	  LD, .len = 7, .mem = 8, .addr = 8, .reg_size = 8, .reg = 0 },
	/* 64-bit code: byte registers with and without REX */
	{ "64 mov [rax],ah", B64, { 0x88, 0x20 },
	  ST_REG, .len = 2, .mem = 1, .addr = 8, .reg_size = 1, .reg = 0,
	  .high = true },
	{ "64 REX mov [rax],spl", B64, { 0x40, 0x88, 0x20 },
	  ST_REG, .len = 3, .mem = 1, .addr = 8, .reg_size = 1, .reg = 4 },
	{ "64 REX mov [rsi],dil", B64, { 0x40, 0x88, 0x3e },
	  ST_REG, .len = 3, .mem = 1, .addr = 8, .reg_size = 1, .reg = 7 },
	{ "64 mov [rsi],bh", B64, { 0x88, 0x3e },
	  ST_REG, .len = 2, .mem = 1, .addr = 8, .reg_size = 1, .reg = 3,
	  .high = true },
	{ "64 REX.R mov [rax],r12b", B64, { 0x44, 0x88, 0x20 },
	  ST_REG, .len = 3, .mem = 1, .addr = 8, .reg_size = 1, .reg = 12 },
	{ "64 mov ch,[rip]", B64, { 0x8a, 0x2d, 0x00, 0x00, 0x00, 0x00 },
	  LD, .len = 6, .mem = 1, .addr = 8, .reg_size = 1, .reg = 1,
	  .high = true },
	{ "64 REX mov sil,[rip]", B64,
	  { 0x40, 0x8a, 0x35, 0x00, 0x00, 0x00, 0x00 },
	  LD, .len = 7, .mem = 1, .addr = 8, .reg_size = 1, .reg = 6 },
	/* 64-bit code: size prefixes, segment overrides */
	{ "64 o16 mov [rax],cx", B64, { 0x66, 0x89, 0x08 },
	  ST_REG, .len = 3, .mem = 2, .addr = 8, .reg_size = 2, .reg = 1 },
	{ "64 o16 REX.W mov [rax],rcx (W wins)", B64, { 0x66, 0x48, 0x89, 0x08 },
	  ST_REG, .len = 4, .mem = 8, .addr = 8, .reg_size = 8, .reg = 1 },
	{ "64 a32 mov [eax],ecx", B64, { 0x67, 0x89, 0x08 },
	  ST_REG, .len = 3, .mem = 4, .addr = 4, .reg_size = 4, .reg = 1 },
	{ "64 mov rax,gs:[0x28] SIB no base", B64,
	  { 0x65, 0x48, 0x8b, 0x04, 0x25, 0x28, 0x00, 0x00, 0x00 },
	  LD, .len = 9, .mem = 8, .addr = 8, .reg_size = 8, .reg = 0,
	  .seg = SEG_GS },
	{ "64 mov fs:[rax],ecx", B64, { 0x64, 0x89, 0x08 },
	  ST_REG, .len = 3, .mem = 4, .addr = 8, .reg_size = 4, .reg = 1,
	  .seg = SEG_FS },
	/* 64-bit code: immediates */
	{ "64 mov byte [rax],0xff", B64, { 0xc6, 0x00, 0xff },
	  ST_IMM, .len = 3, .mem = 1, .addr = 8, .imm = 0xff },
	{ "64 mov word [rax],0xffff", B64, { 0x66, 0xc7, 0x00, 0xff, 0xff },
	  ST_IMM, .len = 5, .mem = 2, .addr = 8, .imm = 0xffff },
	{ "64 mov dword [rax],0x80000000", B64,
	  { 0xc7, 0x00, 0x00, 0x00, 0x00, 0x80 },
	  ST_IMM, .len = 6, .mem = 4, .addr = 8, .imm = 0x80000000 },
	{ "64 mov qword [rax],-0x80000000", B64,
	  { 0x48, 0xc7, 0x00, 0x00, 0x00, 0x00, 0x80 },
	  ST_IMM, .len = 7, .mem = 8, .addr = 8, .imm = 0xffffffff80000000ULL },
	{ "64 mov qword [rax],0x7fffffff", B64,
	  { 0x48, 0xc7, 0x00, 0xff, 0xff, 0xff, 0x7f },
	  ST_IMM, .len = 7, .mem = 8, .addr = 8, .imm = 0x7fffffff },
	{ "64 mov qword [rip+0x100],-1", B64,
	  { 0x48, 0xc7, 0x05, 0x00, 0x01, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff },
	  ST_IMM, .len = 11, .mem = 8, .addr = 8, .imm = 0xffffffffffffffffULL },
	{ "64 mov dword [rsp+0x100],0x12345678", B64,
	  { 0xc7, 0x84, 0x24, 0x00, 0x01, 0x00, 0x00, 0x78, 0x56, 0x34, 0x12 },
	  ST_IMM, .len = 11, .mem = 4, .addr = 8, .imm = 0x12345678 },
	{ "64 mov byte [r12],1", B64, { 0x41, 0xc6, 0x04, 0x24, 0x01 },
	  ST_IMM, .len = 5, .mem = 1, .addr = 8, .imm = 1 },
	/* 64-bit code: moffs */
	{ "64 mov eax,[moffs64]", B64,
	  { 0xa1, 0x00, 0x00, 0xe0, 0xfe, 0x00, 0x00, 0x00, 0x00 },
	  LD, .len = 9, .mem = 4, .addr = 8, .reg_size = 4, .reg = 0 },
	{ "64 REX.W mov [moffs64],rax", B64,
	  { 0x48, 0xa3, 0x00, 0x00, 0xe0, 0xfe, 0x00, 0x00, 0x00, 0x00 },
	  ST_REG, .len = 10, .mem = 8, .addr = 8, .reg_size = 8, .reg = 0 },
	{ "64 a32 mov al,[moffs32]", B64, { 0x67, 0xa0, 0x00, 0x00, 0xe0, 0xfe },
	  LD, .len = 6, .mem = 1, .addr = 4, .reg_size = 1, .reg = 0 },
	{ "64 o16 mov ax,[moffs64]", B64,
	  { 0x66, 0xa1, 0x00, 0x00, 0xe0, 0xfe, 0x00, 0x00, 0x00, 0x00 },
	  LD, .len = 10, .mem = 2, .addr = 8, .reg_size = 2, .reg = 0 },
	/* 64-bit code: MOVZX, MOVSX */
	{ "64 movzx rax,byte [rax]", B64, { 0x48, 0x0f, 0xb6, 0x00 },
	  LD_ZX, .len = 4, .mem = 1, .addr = 8, .reg_size = 8, .reg = 0 },
	{ "64 movzx r9d,word [rax]", B64, { 0x44, 0x0f, 0xb7, 0x08 },
	  LD_ZX, .len = 4, .mem = 2, .addr = 8, .reg_size = 4, .reg = 9 },
	{ "64 movsx rcx,byte [rip]", B64,
	  { 0x48, 0x0f, 0xbe, 0x0d, 0x00, 0x00, 0x00, 0x00 },
	  LD_SX, .len = 8, .mem = 1, .addr = 8, .reg_size = 8, .reg = 1 },
	{ "64 movsx r15,word [rax]", B64, { 0x4c, 0x0f, 0xbf, 0x38 },
	  LD_SX, .len = 4, .mem = 2, .addr = 8, .reg_size = 8, .reg = 15 },
	{ "64 movzx esp,byte [rax] (not AH)", B64, { 0x0f, 0xb6, 0x20 },
	  LD_ZX, .len = 3, .mem = 1, .addr = 8, .reg_size = 4, .reg = 4 },
	/* 64-bit code: string instructions */
	{ "64 movsd", B64, { 0xa5 },
	  MOVS, .len = 1, .mem = 4, .addr = 8 },
	{ "64 rep movsq", B64, { 0xf3, 0x48, 0xa5 },
	  MOVS, .len = 3, .mem = 8, .addr = 8, .rep = true },
	{ "64 a32 rep movsb", B64, { 0xf3, 0x67, 0xa4 },
	  MOVS, .len = 3, .mem = 1, .addr = 4, .rep = true },
	{ "64 rep stosq", B64, { 0xf3, 0x48, 0xab },
	  STOS, .len = 3, .mem = 8, .addr = 8, .rep = true },
	{ "64 repne stosb", B64, { 0xf2, 0xaa },
	  STOS, .len = 2, .mem = 1, .addr = 8, .rep = true },
	{ "64 stosw", B64, { 0x66, 0xab },
	  STOS, .len = 2, .mem = 2, .addr = 8 },
};

static void decode_case_desc(const struct decode_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(decode, decode_cases, decode_case_desc);

static void expect_insn(struct kunit *test, const struct decode_case *c,
			const struct myvmx_insn *insn)
{
	KUNIT_EXPECT_EQ(test, insn->op, c->op);
	KUNIT_EXPECT_EQ(test, insn->len, c->len);
	KUNIT_EXPECT_EQ(test, insn->mem_size, c->mem);
	KUNIT_EXPECT_EQ(test, insn->addr_size, c->addr);
	KUNIT_EXPECT_EQ(test, insn->rep, c->rep);
	KUNIT_EXPECT_EQ(test, (int)insn->seg, (int)c->seg - 1);
	switch (c->op) {
	case MYVMX_OP_STORE_REG:
	case MYVMX_OP_LOAD:
	case MYVMX_OP_LOAD_ZX:
	case MYVMX_OP_LOAD_SX:
		KUNIT_EXPECT_EQ(test, insn->reg_size, c->reg_size);
		KUNIT_EXPECT_EQ(test, insn->reg, c->reg);
		KUNIT_EXPECT_EQ(test, insn->high_byte, c->high);
		break;
	case MYVMX_OP_STORE_IMM:
		KUNIT_EXPECT_EQ(test, insn->imm, c->imm);
		break;
	default:
		break;
	}
}

/* Exactly the instruction's bytes are available. */
static void decode_exact(struct kunit *test)
{
	const struct decode_case *c = test->param_value;
	struct myvmx_insn insn;
	unsigned int i;

	/* The table itself: nothing written past .len. */
	for (i = c->len; i < MYVMX_INSN_MAX; i++)
		KUNIT_ASSERT_EQ_MSG(test, c->code[i], 0, "byte %u past .len", i);
	KUNIT_ASSERT_EQ(test, myvmx_decode(c->code, c->len, c->bits, &insn), 0);
	expect_insn(test, c, &insn);
}

/* More bytes than the instruction (more than 15, even): the same result. */
static void decode_padded(struct kunit *test)
{
	const struct decode_case *c = test->param_value;
	struct myvmx_insn insn;
	u8 buf[32];

	memset(buf, 0xcc, sizeof(buf));
	memcpy(buf, c->code, c->len);
	KUNIT_ASSERT_EQ(test, myvmx_decode(buf, sizeof(buf), c->bits, &insn), 0);
	expect_insn(test, c, &insn);
}

/* Every proper prefix of an instruction is truncated: -EINVAL. */
static void decode_truncated(struct kunit *test)
{
	const struct decode_case *c = test->param_value;
	struct myvmx_insn insn;
	unsigned int n;

	for (n = 0; n < c->len; n++)
		KUNIT_EXPECT_EQ_MSG(test, myvmx_decode(c->code, n, c->bits, &insn),
				    -EINVAL, "with %u of %u bytes", n, c->len);
}

/* Rejected input: the bytes (.n of them) and the error expected. */
struct reject_case {
	const char *name;
	enum myvmx_cpu_bits bits;
	u8 code[20];
	u8 n;
	int err;
};

static const struct reject_case reject_cases[] = {
	{ "empty", B32, { 0 }, 0, -EINVAL },
	{ "32 add [eax],ecx", B32, { 0x01, 0x08 }, 2, -EOPNOTSUPP },
	{ "64 syscall", B64, { 0x0f, 0x05 }, 2, -EOPNOTSUPP },
	{ "32 ud2", B32, { 0x0f, 0x0b }, 2, -EOPNOTSUPP },
	{ "32 inc dword [eax]", B32, { 0xff, 0x00 }, 2, -EOPNOTSUPP },
	{ "32 mov ds,[eax]", B32, { 0x8e, 0x18 }, 2, -EOPNOTSUPP },
	{ "32 cmpsb", B32, { 0xa6 }, 1, -EOPNOTSUPP },
	{ "32 lodsb", B32, { 0xac }, 1, -EOPNOTSUPP },
	{ "32 mov eax,ecx (mod 3)", B32, { 0x89, 0xc8 }, 2, -EOPNOTSUPP },
	{ "32 mov al,ah (mod 3)", B32, { 0x8a, 0xc4 }, 2, -EOPNOTSUPP },
	{ "64 mov rax,rcx (mod 3)", B64, { 0x48, 0x8b, 0xc1 }, 3, -EOPNOTSUPP },
	{ "32 movzx eax,al (mod 3)", B32, { 0x0f, 0xb6, 0xc0 }, 3, -EOPNOTSUPP },
	{ "16 mov ax,cx (mod 3)", B16, { 0x89, 0xc8 }, 2, -EOPNOTSUPP },
	{ "32 mov eax,1 (mod 3)", B32, { 0xc7, 0xc0, 0x01, 0x00, 0x00, 0x00 },
	  6, -EOPNOTSUPP },
	{ "32 C6 /1", B32, { 0xc6, 0x08, 0x00 }, 3, -EOPNOTSUPP },
	{ "32 C7 /1", B32, { 0xc7, 0x48, 0x04, 0x00, 0x00, 0x00, 0x00 },
	  7, -EOPNOTSUPP },
	{ "64 C6 /7 (xabort)", B64, { 0xc6, 0xf8, 0x00 }, 3, -EOPNOTSUPP },
	{ "32 0x48 is dec eax, not REX", B32, { 0x48, 0x89, 0x08 }, 3,
	  -EOPNOTSUPP },
	{ "64 REX alone", B64, { 0x48 }, 1, -EINVAL },
	{ "32 0x0f alone", B32, { 0x0f }, 1, -EINVAL },
	{ "32 14 prefixes + 2 bytes: 16 bytes", B32,
	  { 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
	    0x66, 0x66, 0x66, 0x89, 0x08 }, 16, -EINVAL },
	{ "32 15 prefixes", B32,
	  { 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
	    0x66, 0x66, 0x66, 0x66, 0x89, 0x08 }, 17, -EINVAL },
	{ "64 15 segment prefixes", B64,
	  { 0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x26, 0x2e, 0x36, 0x3e, 0x64,
	    0x65, 0x26, 0x2e, 0x36 }, 15, -EINVAL },
	{ "64 16 rep prefixes + movsb", B64,
	  { 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xf3,
	    0xf3, 0xf3, 0xf3, 0xf3, 0xf3, 0xa4 }, 17, -EINVAL },
};

static void reject_case_desc(const struct reject_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(reject, reject_cases, reject_case_desc);

static void decode_rejects(struct kunit *test)
{
	const struct reject_case *c = test->param_value;
	struct myvmx_insn insn;

	KUNIT_EXPECT_EQ(test, myvmx_decode(c->code, c->n, c->bits, &insn),
			c->err);
}

/* Prefixes as the CPU reads them: REX only right before the opcode. */
static void decode_prefixes_order(struct kunit *test)
{
	static const u8 rex_then_66[] = { 0x41, 0x66, 0x0f, 0xa2 };
	static const u8 gs_67_rex[] = { 0x65, 0x67, 0x48, 0x89, 0x08 };
	static const u8 rex32[] = { 0x67, 0x41 };	/* inc ecx in 32-bit */
	static const u8 only_prefixes[] = { 0x66, 0xf3, 0x48 };
	struct myvmx_prefixes px;

	KUNIT_ASSERT_EQ(test, myvmx_decode_prefixes(rex_then_66, 4, B64, &px),
			0);
	KUNIT_EXPECT_EQ(test, px.len, 2);
	KUNIT_EXPECT_EQ(test, px.rex, 0);	/* a legacy prefix followed */
	KUNIT_EXPECT_EQ(test, px.opsize, 1);
	KUNIT_EXPECT_EQ(test, px.addr_size, 8);
	KUNIT_EXPECT_EQ(test, px.seg, -1);

	KUNIT_ASSERT_EQ(test, myvmx_decode_prefixes(gs_67_rex, 5, B64, &px), 0);
	KUNIT_EXPECT_EQ(test, px.len, 3);
	KUNIT_EXPECT_EQ(test, px.rex, 0x48);
	KUNIT_EXPECT_EQ(test, px.seg, 5);
	KUNIT_EXPECT_EQ(test, px.addr_size, 4);

	KUNIT_ASSERT_EQ(test, myvmx_decode_prefixes(rex32, 2, B32, &px), 0);
	KUNIT_EXPECT_EQ(test, px.len, 1);
	KUNIT_EXPECT_EQ(test, px.rex, 0);
	KUNIT_EXPECT_EQ(test, px.addr_size, 2);
	KUNIT_ASSERT_EQ(test, myvmx_decode_prefixes(rex32, 2, B16, &px), 0);
	KUNIT_EXPECT_EQ(test, px.addr_size, 4);

	KUNIT_EXPECT_EQ(test, myvmx_decode_prefixes(only_prefixes, 3, B64,
						    &px), -EINVAL);
}

/* EPT */

#define EPT_ADDR	0x000ffffffffff000ULL	/* bits 51:12 */

static struct myvmx_tdp *ept_new(struct kunit *test)
{
	struct myvmx_tdp *ept = kunit_kzalloc(test, sizeof(*ept), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ept);
	KUNIT_ASSERT_EQ(test, myvmx_tdp_init(ept, MYVMX_TDP_EPT), 0);
	defer(test, defer_ept_free, ept);
	return ept;
}

static u64 *ept_next(u64 entry)
{
	return __va(entry & EPT_ADDR);
}

/* Pages mapped across the 2M, 1G and 512G boundaries, and the last one. */
static const struct {
	u64 gpa, hpa;
} ept_pages[] = {
	{ 0x1ff000, 0x5000000 },		/* 2M - 4K */
	{ 0x200000, 0x5001000 },		/* 2M */
	{ 0x3ffff000, 0x7654321000 },		/* 1G - 4K */
	{ 0x40000000, 0x1000 },			/* 1G */
	{ 0x7ffffff000, 0xfffffffff000 },	/* 512G - 4K */
	{ 0x8000000000, 0xabcdef000 },		/* 512G */
	{ 0xfffffffff000, 0x000ffffffffff000 },	/* 256T - 4K, the last */
};

/* 1 PML4 + 3 PDPTs (512G slots 0, 1, 511) + 5 PDs + 7 PTs */
#define EPT_PAGES_TABLES	16

static void ept_map_pages(struct kunit *test, struct myvmx_tdp *ept)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ept_pages); i++)
		KUNIT_ASSERT_EQ(test, myvmx_tdp_map(ept, ept_pages[i].gpa,
						    ept_pages[i].hpa), 0);
}

static void ept_init_eptp(struct kunit *test)
{
	struct myvmx_tdp *ept = ept_new(test);
	u64 eptp = myvmx_eptp(ept);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, ept->root);
	KUNIT_EXPECT_EQ(test, offset_in_page(ept->root), 0UL);
	/* Bits 2:0 memory type 6 (WB), 5:3 walk length - 1 = 3, no A/D. */
	KUNIT_EXPECT_EQ(test, eptp & 7, 6ULL);
	KUNIT_EXPECT_EQ(test, (eptp >> 3) & 7, 3ULL);
	KUNIT_EXPECT_EQ(test, eptp & 0xfff, 0x1eULL);
	KUNIT_EXPECT_EQ(test, eptp & ~0xfffULL, (u64)__pa(ept->root));
	for (i = 0; i < 512; i++)
		KUNIT_EXPECT_EQ_MSG(test, ept->root[i], 0ULL, "entry %u", i);
}

static void ept_map_walk_boundaries(struct kunit *test)
{
	static const u64 offsets[] = { 0, 0x123, 0xfff };
	struct myvmx_tdp *ept = ept_new(test);
	unsigned int i, j;
	u64 hpa;

	ept_map_pages(test, ept);
	for (i = 0; i < ARRAY_SIZE(ept_pages); i++) {
		for (j = 0; j < ARRAY_SIZE(offsets); j++) {
			u64 gpa = ept_pages[i].gpa + offsets[j];

			hpa = 0;
			KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(ept, gpa, &hpa), 0);
			KUNIT_EXPECT_EQ_MSG(test, hpa,
					    ept_pages[i].hpa + offsets[j],
					    "gpa %#llx", gpa);
		}
	}
	/* Spot checks with the sums written out. */
	KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(ept, 0x3fffffff, &hpa), 0);
	KUNIT_EXPECT_EQ(test, hpa, 0x7654321fffULL);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(ept, 0xfffffffffabc, &hpa), 0);
	KUNIT_EXPECT_EQ(test, hpa, 0x000ffffffffffabcULL);
}

static void ept_walk_unmapped(struct kunit *test)
{
	static const u64 unmapped[] = {
		0x1fe000,		/* the PT of 0x1ff000 */
		0x201000,		/* the PT of 0x200000 */
		0x400000,		/* a PD entry with no PT */
		0x80000000,		/* a PDPT entry with no PD */
		0x10000000000,		/* a PML4 entry with no PDPT */
		0xffffffffe000,		/* the last PT, one entry before */
		0,
	};
	struct myvmx_tdp *ept = ept_new(test);
	unsigned int i;
	u64 hpa = 0x1234;

	KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(ept, 0, &hpa), -ENOENT);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(ept, 0x40000000, &hpa), -ENOENT);
	ept_map_pages(test, ept);
	for (i = 0; i < ARRAY_SIZE(unmapped); i++)
		KUNIT_EXPECT_EQ_MSG(test, myvmx_tdp_walk(ept, unmapped[i], &hpa),
				    -ENOENT, "gpa %#llx", unmapped[i]);
	KUNIT_EXPECT_EQ(test, hpa, 0x1234ULL);
}

static void ept_map_twice_is_eexist(struct kunit *test)
{
	struct myvmx_tdp *ept = ept_new(test);
	u64 hpa;

	KUNIT_ASSERT_EQ(test, myvmx_tdp_map(ept, 0x5000, 0x1000000), 0);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_map(ept, 0x5000, 0x2000000), -EEXIST);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_map(ept, 0x5000, 0x1000000), -EEXIST);
	/* The first mapping stands. */
	KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(ept, 0x5010, &hpa), 0);
	KUNIT_EXPECT_EQ(test, hpa, 0x1000010ULL);
	/* The neighbour is still free to map. */
	KUNIT_EXPECT_EQ(test, myvmx_tdp_map(ept, 0x6000, 0x2000000), 0);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(ept, 0x6000, &hpa), 0);
	KUNIT_EXPECT_EQ(test, hpa, 0x2000000ULL);
}

static void ept_map_rejects_bad_addresses(struct kunit *test)
{
	static const struct {
		u64 gpa, hpa;
	} bad[] = {
		{ 0x1001, 0x2000 },		/* gpa unaligned */
		{ 0x1800, 0x2000 },
		{ 0x1000, 0x2010 },		/* hpa unaligned */
		{ 0x1000000000000, 0x2000 },	/* gpa 2^48 */
		{ 0x1000000005000, 0x2000 },
		{ 0xfffffffffffff000, 0x2000 },
		{ 0x8000000000000000, 0x2000 },
	};
	struct myvmx_tdp *ept = ept_new(test);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test, myvmx_tdp_map(ept, bad[i].gpa,
							bad[i].hpa),
				    -EINVAL, "gpa %#llx hpa %#llx", bad[i].gpa,
				    bad[i].hpa);
	/* Nothing was built for them. */
	for (i = 0; i < 512; i++)
		KUNIT_EXPECT_EQ_MSG(test, ept->root[i], 0ULL, "entry %u", i);
}

static unsigned int ept_count_present(const u64 *table)
{
	unsigned int i, n = 0;

	for (i = 0; i < 512; i++)
		n += table[i] & 1;
	return n;
}

static void ept_entry_bits(struct kunit *test)
{
	struct myvmx_tdp *ept = ept_new(test);
	u64 *pdpt, *pd, *pt;

	/* PML4 index 3, PDPT index 5, PD index 7, PT index 9 */
	KUNIT_ASSERT_EQ(test, myvmx_tdp_map(ept, 0x18140e09000, 0x123456789000),
			0);

	/* Non-leaf: read, write, execute; bits 7:3 (no large page) clear. */
	KUNIT_EXPECT_EQ(test, ept_count_present(ept->root), 1U);
	KUNIT_EXPECT_EQ(test, ept->root[3] & 0xfff, 7ULL);
	pdpt = ept_next(ept->root[3]);
	KUNIT_EXPECT_EQ(test, ept_count_present(pdpt), 1U);
	KUNIT_EXPECT_EQ(test, pdpt[5] & 0xfff, 7ULL);
	pd = ept_next(pdpt[5]);
	KUNIT_EXPECT_EQ(test, ept_count_present(pd), 1U);
	KUNIT_EXPECT_EQ(test, pd[7] & 0xfff, 7ULL);
	pt = ept_next(pd[7]);
	KUNIT_EXPECT_EQ(test, ept_count_present(pt), 1U);
	/* Leaf: RWX 7, memory type 6 (WB) in 5:3, ignore PAT (bit 6). */
	KUNIT_EXPECT_EQ(test, pt[9], 0x123456789077ULL);
	KUNIT_EXPECT_EQ(test, pt[9] & 7, 7ULL);
	KUNIT_EXPECT_EQ(test, (pt[9] >> 3) & 7, 6ULL);
	KUNIT_EXPECT_EQ(test, pt[9] & BIT_ULL(6), BIT_ULL(6));
	/* Each table is a page of its own. */
	KUNIT_EXPECT_EQ(test, offset_in_page(pdpt), 0UL);
	KUNIT_EXPECT_PTR_NE(test, pdpt, ept->root);
	KUNIT_EXPECT_PTR_NE(test, pd, pdpt);
	KUNIT_EXPECT_PTR_NE(test, pt, pd);
}

/* NPT entries: present, write, user at every level; no EPT bits. */
static void npt_entry_bits(struct kunit *test)
{
	struct myvmx_tdp *npt = kunit_kzalloc(test, sizeof(*npt), GFP_KERNEL);
	u64 *pdpt, *pd, *pt, hpa;

	KUNIT_ASSERT_NOT_NULL(test, npt);
	KUNIT_ASSERT_EQ(test, myvmx_tdp_init(npt, MYVMX_TDP_NPT), 0);
	defer(test, defer_ept_free, npt);
	/* PML4 index 3, PDPT index 5, PD index 7, PT index 9 */
	KUNIT_ASSERT_EQ(test, myvmx_tdp_map(npt, 0x18140e09000, 0x123456789000),
			0);
	KUNIT_EXPECT_EQ(test, npt->root[3] & 0xfff, 7ULL);
	pdpt = __va(npt->root[3] & MYVMX_TDP_ADDR_MASK);
	KUNIT_EXPECT_EQ(test, pdpt[5] & 0xfff, 7ULL);
	pd = __va(pdpt[5] & MYVMX_TDP_ADDR_MASK);
	KUNIT_EXPECT_EQ(test, pd[7] & 0xfff, 7ULL);
	pt = __va(pd[7] & MYVMX_TDP_ADDR_MASK);
	/* Leaf: P, RW, US; no PWT/PCD/PAT (write-back), no NX. */
	KUNIT_EXPECT_EQ(test, pt[9], 0x123456789007ULL);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(npt, 0x18140e09abc, &hpa), 0);
	KUNIT_EXPECT_EQ(test, hpa, 0x123456789abcULL);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_walk(npt, 0x18140e0a000, &hpa), -ENOENT);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_map(npt, 0x18140e09000, 0x1000),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, myvmx_tdp_map(npt, 1ULL << 48, 0x1000), -EINVAL);
}

/* Collect the table pages under @table (a level-@level table). */
static unsigned int ept_collect(u64 *table, int level, u64 **pages,
				unsigned int n, unsigned int max)
{
	unsigned int i;

	if (n < max)
		pages[n] = table;
	n++;
	if (level == 1)
		return n;
	for (i = 0; i < 512; i++)
		if (table[i] & 1)
			n = ept_collect(ept_next(table[i]), level - 1, pages, n,
					max);
	return n;
}

/*
 * Freeing gives every table page back.  kmemleak does not see the page
 * allocator, so this counts references instead: each table page gets one
 * more here, and after myvmx_tdp_free() only that one may remain.
 */
static void ept_free_releases_tables(struct kunit *test)
{
	struct myvmx_tdp *ept = ept_new(test);
	u64 *pages[EPT_PAGES_TABLES];
	unsigned int i, n;

	ept_map_pages(test, ept);
	n = ept_collect(ept->root, 4, pages, 0, ARRAY_SIZE(pages));
	KUNIT_ASSERT_EQ(test, n, EPT_PAGES_TABLES);
	for (i = 0; i < n; i++)
		get_page(virt_to_page(pages[i]));
	myvmx_tdp_free(ept);
	KUNIT_EXPECT_NULL(test, ept->root);
	for (i = 0; i < n; i++) {
		struct page *page = virt_to_page(pages[i]);

		KUNIT_EXPECT_EQ_MSG(test, page_ref_count(page), 1,
				    "table page %u", i);
		put_page(page);
	}
	/* Freeing again (as the deferred free will) is harmless. */
	myvmx_tdp_free(ept);
	KUNIT_EXPECT_NULL(test, ept->root);
}

/* VMX control adjustment: allowed 0-settings low, allowed 1-settings high */

static void controls_must_be_one_forced(struct kunit *test)
{
	u32 result = 0xdeadbeef;

	KUNIT_ASSERT_EQ(test, myvmx_adjust_controls(0x84, 0x10000,
						    0xffffffff00000016ULL,
						    &result), 0);
	KUNIT_EXPECT_EQ(test, result, 0x10096U);
	/* Nothing asked: exactly the must-be-one bits. */
	KUNIT_ASSERT_EQ(test, myvmx_adjust_controls(0, 0, 0xffffffff00000016ULL,
						    &result), 0);
	KUNIT_EXPECT_EQ(test, result, 0x16U);
	KUNIT_ASSERT_EQ(test, myvmx_adjust_controls(0, 0, 0, &result), 0);
	KUNIT_EXPECT_EQ(test, result, 0U);
}

static void controls_optional_only_if_allowed(struct kunit *test)
{
	u32 result = 0;

	/* Bit 1 optional but not allowed; bit 2 optional and allowed. */
	KUNIT_ASSERT_EQ(test, myvmx_adjust_controls(0x1, 0x6,
						    0x0000000500000000ULL,
						    &result), 0);
	KUNIT_EXPECT_EQ(test, result, 0x5U);
	/*
	 * Pin-based controls as a typical CPU reports them (0x7f_00000016):
	 * external-interrupt (0) and NMI exiting (3) required, virtual NMIs
	 * (5) optional, bits 1, 2 and 4 forced.
	 */
	KUNIT_ASSERT_EQ(test, myvmx_adjust_controls(0x9, 0x20,
						    0x0000007f00000016ULL,
						    &result), 0);
	KUNIT_EXPECT_EQ(test, result, 0x3fU);
	/* The same CPU without virtual NMIs. */
	KUNIT_ASSERT_EQ(test, myvmx_adjust_controls(0x9, 0x20,
						    0x0000001f00000016ULL,
						    &result), 0);
	KUNIT_EXPECT_EQ(test, result, 0x1fU);
	/* Bit 31: the top of each half. */
	KUNIT_ASSERT_EQ(test, myvmx_adjust_controls(0x80000000, 0,
						    0x8000000000000000ULL,
						    &result), 0);
	KUNIT_EXPECT_EQ(test, result, 0x80000000U);
}

static void controls_required_but_disallowed(struct kunit *test)
{
	u32 result = 0;

	KUNIT_EXPECT_EQ(test, myvmx_adjust_controls(0x3, 0, 0x0000000100000000ULL,
						    &result), -EIO);
	/* Forced on is not the same as allowed. */
	KUNIT_EXPECT_EQ(test, myvmx_adjust_controls(0x2, 0, 0x0000000100000002ULL,
						    &result), -EIO);
	KUNIT_EXPECT_EQ(test, myvmx_adjust_controls(0x80000000, 0,
						    0x7fffffff00000000ULL,
						    &result), -EIO);
	KUNIT_EXPECT_EQ(test, myvmx_adjust_controls(0x1, 0, 0, &result), -EIO);
}

/* CPUID */

struct cpuid_regs4 {
	u32 eax, ebx, ecx, edx;
};

static struct cpuid_regs4 cpuid_filter(unsigned int index, u32 leaf,
				       u32 subleaf, struct cpuid_regs4 r)
{
	myvmx_cpuid_filter(index, leaf, subleaf, &r.eax, &r.ebx, &r.ecx,
			   &r.edx);
	return r;
}

static const struct cpuid_regs4 cpuid_ones = {
	0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff
};

static void cpuid_leaf1(struct kunit *test)
{
	/* A host's answer: family 6 model 0x9e, APIC ID 5, no hypervisor. */
	struct cpuid_regs4 r = cpuid_filter(3, 1, 0, (struct cpuid_regs4) {
		0x000906ea, 0x05100800, 0x7ffafbff, 0xbfebfbff });

	KUNIT_EXPECT_EQ(test, r.eax, 0x000906eaU);
	KUNIT_EXPECT_EQ(test, r.ebx, 0x03100800U);
	KUNIT_EXPECT_EQ(test, r.ecx, 0xe2da7a03U);
	KUNIT_EXPECT_EQ(test, r.edx, 0x1f8be9ffU);	/* no APIC, MTRR, ... */
	KUNIT_EXPECT_EQ(test, r.ecx & BIT(31), BIT(31));
	KUNIT_EXPECT_EQ(test, r.ecx & (BIT(5) | BIT(26) | BIT(27) | BIT(28)),
			0U);

	/* Every bit set: ECX loses exactly the hidden ones. */
	r = cpuid_filter(0, 1, 0, cpuid_ones);
	KUNIT_EXPECT_EQ(test, r.eax, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, r.ebx, 0x00ffffffU);
	KUNIT_EXPECT_EQ(test, r.ecx, 0xe2db7e03U);
	KUNIT_EXPECT_EQ(test, r.edx, 0x5f9fedffU);

	/* Nothing set: only the hypervisor bit appears. */
	r = cpuid_filter(255, 1, 0, (struct cpuid_regs4) { 0 });
	KUNIT_EXPECT_EQ(test, r.eax, 0U);
	KUNIT_EXPECT_EQ(test, r.ebx, 0xff000000U);
	KUNIT_EXPECT_EQ(test, r.ecx, 0x80000000U);
	KUNIT_EXPECT_EQ(test, r.edx, 0U);
}

static void cpuid_hypervisor_signature(struct kunit *test)
{
	struct cpuid_regs4 r = cpuid_filter(0, 0x40000000, 0, cpuid_ones);
	char sig[8];

	KUNIT_EXPECT_EQ(test, r.eax, 0x40000000U);
	KUNIT_EXPECT_EQ(test, r.ebx, 0x676e6972U);	/* "ring" */
	KUNIT_EXPECT_EQ(test, r.ecx, 0x6f72657aU);	/* "zero" */
	KUNIT_EXPECT_EQ(test, r.edx, 0U);
	memcpy(sig, &r.ebx, 4);
	memcpy(sig + 4, &r.ecx, 4);
	KUNIT_EXPECT_EQ(test, memcmp(sig, "ringzero", 8), 0);
}

static void cpuid_hypervisor_leaves_zero(struct kunit *test)
{
	static const u32 leaves[] = { 0x40000001, 0x40000010, 0x4fffffff };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(leaves); i++) {
		struct cpuid_regs4 r = cpuid_filter(1, leaves[i], 0, cpuid_ones);

		KUNIT_EXPECT_EQ_MSG(test, r.eax, 0U, "leaf %#x", leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.ebx, 0U, "leaf %#x", leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.ecx, 0U, "leaf %#x", leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.edx, 0U, "leaf %#x", leaves[i]);
	}
}

static void cpuid_leaf7(struct kunit *test)
{
	struct cpuid_regs4 r = cpuid_filter(0, 7, 0, cpuid_ones);

	/*
	 * Kept: FSGSBASE 0, BMI1 3, SMEP 7, BMI2 8, ERMS 9, RDSEED 18, ADX 19,
	 * SMAP 20, CLFLUSHOPT 23.  Subleaf 0 is the last subleaf.
	 */
	KUNIT_EXPECT_EQ(test, r.eax, 0U);
	KUNIT_EXPECT_EQ(test, r.ebx, 0x009c0389U);
	KUNIT_EXPECT_EQ(test, r.ecx, 0U);
	KUNIT_EXPECT_EQ(test, r.edx, 0U);

	/* TSC_ADJUST (1), AVX2 (5), AVX-512F (16) go; FSGSBASE, SMAP stay. */
	r = cpuid_filter(0, 7, 0, (struct cpuid_regs4) {
		1, 0x00110023, 0x00400004, 0xbc000400 });
	KUNIT_EXPECT_EQ(test, r.eax, 0U);
	KUNIT_EXPECT_EQ(test, r.ebx, 0x00100001U);
	KUNIT_EXPECT_EQ(test, r.ecx, 0U);
	KUNIT_EXPECT_EQ(test, r.edx, 0U);
}

/*
 * Subleaf 0 reports EAX = 0, the last valid subleaf; SDM: "If ECX contains
 * an invalid sub-leaf index, EAX/EBX/ECX/EDX return 0."
 */
static void cpuid_leaf7_other_subleaves_zero(struct kunit *test)
{
	static const u32 subleaves[] = { 1, 2 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(subleaves); i++) {
		struct cpuid_regs4 r = cpuid_filter(0, 7, subleaves[i],
						    cpuid_ones);

		KUNIT_EXPECT_EQ_MSG(test, r.eax, 0U, "subleaf %u", subleaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.ebx, 0U, "subleaf %u", subleaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.ecx, 0U, "subleaf %u", subleaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.edx, 0U, "subleaf %u", subleaves[i]);
	}
}

/* MONITOR (5), power (6), perfmon (0xa), topology (0xb, 0x1f), XSAVE (0xd) */
static void cpuid_hidden_leaves_zero(struct kunit *test)
{
	static const u32 leaves[] = { 5, 6, 0xa, 0xb, 0xd, 0x1f };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(leaves); i++) {
		struct cpuid_regs4 r = cpuid_filter(0, leaves[i], 0, cpuid_ones);

		KUNIT_EXPECT_EQ_MSG(test, r.eax, 0U, "leaf %#x", leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.ebx, 0U, "leaf %#x", leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.ecx, 0U, "leaf %#x", leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.edx, 0U, "leaf %#x", leaves[i]);
	}
}

static void cpuid_ext_leaf_clears_svm(struct kunit *test)
{
	struct cpuid_regs4 r = cpuid_filter(0, 0x80000001, 0, cpuid_ones);

	KUNIT_EXPECT_EQ(test, r.eax, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, r.ebx, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, r.ecx, 0xfffffffbU);
	/* AMD's copy of the APIC bit (9) and RDTSCP (27) go too. */
	KUNIT_EXPECT_EQ(test, r.edx, 0xf7fffdffU);

	/*
	 * An Intel host: LAHF (0), LZCNT (5), PREFETCHW (8); no SVM to hide;
	 * SYSCALL (11), NX (20), 1 GiB pages (26), RDTSCP (27, hidden), LM.
	 */
	r = cpuid_filter(0, 0x80000001, 0, (struct cpuid_regs4) {
		0, 0, 0x00000121, 0x2c100800 });
	KUNIT_EXPECT_EQ(test, r.ecx, 0x00000121U);
	KUNIT_EXPECT_EQ(test, r.edx, 0x24100800U);
}

static void cpuid_other_leaves_untouched(struct kunit *test)
{
	static const u32 leaves[] = {
		0, 2, 4, 0x80000000, 0x80000008, 0x3fffffff, 0x50000000,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(leaves); i++) {
		struct cpuid_regs4 r = cpuid_filter(2, leaves[i], 0,
			(struct cpuid_regs4) { 0x11111111, 0x22222222,
					       0x33333333, 0x44444444 });

		KUNIT_EXPECT_EQ_MSG(test, r.eax, 0x11111111U, "leaf %#x",
				    leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.ebx, 0x22222222U, "leaf %#x",
				    leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.ecx, 0x33333333U, "leaf %#x",
				    leaves[i]);
		KUNIT_EXPECT_EQ_MSG(test, r.edx, 0x44444444U, "leaf %#x",
				    leaves[i]);
	}
}

/*
 * VMCS segment fields: myvmx_get_seg()/myvmx_set_seg() find a segment's
 * base, limit and access rights as "selector - GUEST_ES_SELECTOR +
 * GUEST_ES_<field>".  The encodings from the SDM (appendix B) and
 * <asm/vmx.h> must agree with that arithmetic for every segment.
 */
static u32 seg_field(u32 sel_field, u32 es_field)
{
	return sel_field - GUEST_ES_SELECTOR + es_field;
}

static void vmcs_segment_field_arithmetic(struct kunit *test)
{
	static const struct {
		const char *name;
		u32 sel, base, limit, ar;	/* SDM, appendix B */
		u32 h_sel, h_base, h_limit, h_ar;	/* <asm/vmx.h> */
	} segs[] = {
		{ "ES", 0x0800, 0x6806, 0x4800, 0x4814, GUEST_ES_SELECTOR,
		  GUEST_ES_BASE, GUEST_ES_LIMIT, GUEST_ES_AR_BYTES },
		{ "CS", 0x0802, 0x6808, 0x4802, 0x4816, GUEST_CS_SELECTOR,
		  GUEST_CS_BASE, GUEST_CS_LIMIT, GUEST_CS_AR_BYTES },
		{ "SS", 0x0804, 0x680a, 0x4804, 0x4818, GUEST_SS_SELECTOR,
		  GUEST_SS_BASE, GUEST_SS_LIMIT, GUEST_SS_AR_BYTES },
		{ "DS", 0x0806, 0x680c, 0x4806, 0x481a, GUEST_DS_SELECTOR,
		  GUEST_DS_BASE, GUEST_DS_LIMIT, GUEST_DS_AR_BYTES },
		{ "FS", 0x0808, 0x680e, 0x4808, 0x481c, GUEST_FS_SELECTOR,
		  GUEST_FS_BASE, GUEST_FS_LIMIT, GUEST_FS_AR_BYTES },
		{ "GS", 0x080a, 0x6810, 0x480a, 0x481e, GUEST_GS_SELECTOR,
		  GUEST_GS_BASE, GUEST_GS_LIMIT, GUEST_GS_AR_BYTES },
		{ "LDTR", 0x080c, 0x6812, 0x480c, 0x4820, GUEST_LDTR_SELECTOR,
		  GUEST_LDTR_BASE, GUEST_LDTR_LIMIT, GUEST_LDTR_AR_BYTES },
		{ "TR", 0x080e, 0x6814, 0x480e, 0x4822, GUEST_TR_SELECTOR,
		  GUEST_TR_BASE, GUEST_TR_LIMIT, GUEST_TR_AR_BYTES },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(segs); i++) {
		const char *name = segs[i].name;
		u32 sel = segs[i].h_sel;

		KUNIT_EXPECT_EQ_MSG(test, sel, segs[i].sel, "%s selector", name);
		KUNIT_EXPECT_EQ_MSG(test, seg_field(sel, GUEST_ES_BASE),
				    segs[i].base, "%s base", name);
		KUNIT_EXPECT_EQ_MSG(test, seg_field(sel, GUEST_ES_BASE),
				    segs[i].h_base, "%s base", name);
		KUNIT_EXPECT_EQ_MSG(test, seg_field(sel, GUEST_ES_LIMIT),
				    segs[i].limit, "%s limit", name);
		KUNIT_EXPECT_EQ_MSG(test, seg_field(sel, GUEST_ES_LIMIT),
				    segs[i].h_limit, "%s limit", name);
		KUNIT_EXPECT_EQ_MSG(test, seg_field(sel, GUEST_ES_AR_BYTES),
				    segs[i].ar, "%s AR bytes", name);
		KUNIT_EXPECT_EQ_MSG(test, seg_field(sel, GUEST_ES_AR_BYTES),
				    segs[i].h_ar, "%s AR bytes", name);
	}
}

static struct kunit_case myvmx_test_cases[] = {
	KUNIT_CASE_PARAM(decode_exact, decode_gen_params),
	KUNIT_CASE_PARAM(decode_padded, decode_gen_params),
	KUNIT_CASE_PARAM(decode_truncated, decode_gen_params),
	KUNIT_CASE_PARAM(decode_rejects, reject_gen_params),
	KUNIT_CASE(decode_prefixes_order),
	KUNIT_CASE(ept_init_eptp),
	KUNIT_CASE(ept_map_walk_boundaries),
	KUNIT_CASE(ept_walk_unmapped),
	KUNIT_CASE(ept_map_twice_is_eexist),
	KUNIT_CASE(ept_map_rejects_bad_addresses),
	KUNIT_CASE(ept_entry_bits),
	KUNIT_CASE(ept_free_releases_tables),
	KUNIT_CASE(npt_entry_bits),
	KUNIT_CASE(controls_must_be_one_forced),
	KUNIT_CASE(controls_optional_only_if_allowed),
	KUNIT_CASE(controls_required_but_disallowed),
	KUNIT_CASE(cpuid_leaf1),
	KUNIT_CASE(cpuid_hypervisor_signature),
	KUNIT_CASE(cpuid_hypervisor_leaves_zero),
	KUNIT_CASE(cpuid_leaf7),
	KUNIT_CASE(cpuid_leaf7_other_subleaves_zero),
	KUNIT_CASE(cpuid_hidden_leaves_zero),
	KUNIT_CASE(cpuid_ext_leaf_clears_svm),
	KUNIT_CASE(cpuid_other_leaves_untouched),
	KUNIT_CASE(vmcs_segment_field_arithmetic),
	{}
};

static struct kunit_suite myvmx_test_suite = {
	.name = "myvmx",
	.test_cases = myvmx_test_cases,
};

kunit_test_suite(myvmx_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for myvmx's decoder, EPT, controls and CPUID");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
