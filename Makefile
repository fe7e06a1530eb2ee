# SPDX-License-Identifier: GPL-2.0
#
# make              modules (against KDIR) and tools
# make kernel       build (or reuse) the cached test kernel; DEBUG=1 for
#                   the debug kernel
# make check        every test: KUnit and shell tests in QEMU, VMM tests
#                   in Bochs; ends with "N passed, N failed"
# make demo         the harness demo in an emulated machine

KDIR ?= /lib/modules/$(shell uname -r)/build

all: modules tools

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

tools:
	$(MAKE) -C tools

clean:
	[ ! -d $(KDIR) ] || $(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C tools clean

kernel:
	tests/harness/kernel.sh

check:
	tests/harness/check.sh

demo:
	tests/harness/demo.sh

.PHONY: all modules tools clean kernel check demo
