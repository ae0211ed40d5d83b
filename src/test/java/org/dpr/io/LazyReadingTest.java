package org.dpr.io;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A stack is read frame by frame: reading one frame of a 2000 × 128 × 128 float32 stack
 * (131 MB uncompressed, {@code long-stack.cxi}) allocates a small multiple of one frame
 * (64 KB), never the stack. Allocation is counted per thread by the JVM.
 */
class LazyReadingTest {

    private static final long STACK_BYTES = 2000L * 128 * 128 * 4;

    @Test
    void readingOneFrameOfALongStackAllocatesFarLessThanTheStack() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeThat(threads).isInstanceOf(com.sun.management.ThreadMXBean.class);
        var counter = (com.sun.management.ThreadMXBean) threads;
        assumeThat(counter.isThreadAllocatedMemorySupported()).isTrue();
        counter.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();
        try (FrameSource source = FrameSources.open(Fixtures.path("long-stack.cxi"))) {
            assertThat(source.frameCount()).isEqualTo(2000);
            source.read(0);
            long before = counter.getThreadAllocatedBytes(thread);
            DiffractionFrame last = source.read(1999);
            DiffractionFrame middle = source.read(1234);
            long allocated = counter.getThreadAllocatedBytes(thread) - before;
            assertThat(last.intensity()[0]).isEqualTo(1999f);
            assertThat(middle.intensity()[0]).isEqualTo(1234f);
            assertThat(middle.intensity()[128 * 128 - 1]).isZero();
            assertThat(allocated).as("bytes allocated to read two frames").isLessThan(STACK_BYTES / 20);
        }
    }
}
