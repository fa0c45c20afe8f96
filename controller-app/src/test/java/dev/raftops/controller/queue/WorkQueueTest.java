package dev.raftops.controller.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    final WorkQueue<String> queue = new WorkQueue<>(new dev.raftops.domain.opslifecycle.RetryTiming(
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(10),
            Duration.ofMillis(80), 0));

    @Test
    void aKeyAddedManyTimesIsHandedOutOnce() throws Exception {
        for (int i = 0; i < 100; i++) {
            queue.add("ns/a");
        }
        assertThat(queue.depth()).isEqualTo(1);
        assertThat(queue.take(Duration.ofMillis(50))).contains("ns/a");
        assertThat(queue.take(Duration.ofMillis(20))).isEmpty();
    }

    @Test
    void aKeyBeingProcessedIsNotHandedToAnotherWorkerButComesBackAfterDone() throws Exception {
        queue.add("ns/a");
        assertThat(queue.take(Duration.ofMillis(50))).contains("ns/a");
        queue.add("ns/a"); // an event while the worker runs
        assertThat(queue.take(Duration.ofMillis(30))).as("held by the first worker").isEmpty();
        queue.done("ns/a");
        assertThat(queue.take(Duration.ofMillis(50))).as("the event is not lost").contains("ns/a");
    }

    @Test
    void concurrentEventsNeverRunOneKeyOnTwoWorkers() throws Exception {
        ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch producersDone = new CountDownLatch(2);
        for (int p = 0; p < 2; p++) {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    queue.add("ns/" + (i % 3));
                }
                producersDone.countDown();
            });
            threads.add(producer);
        }
        for (int w = 0; w < 4; w++) {
            threads.add(new Thread(() -> {
                try {
                    while (true) {
                        Optional<String> key = queue.take(Duration.ofMillis(200));
                        if (key.isEmpty()) {
                            if (producersDone.getCount() == 0) {
                                return;
                            }
                            continue;
                        }
                        if (running.computeIfAbsent(key.get(), k -> new AtomicInteger()).incrementAndGet() > 1) {
                            overlaps.incrementAndGet();
                        }
                        handled.incrementAndGet();
                        Thread.sleep(1);
                        running.get(key.get()).decrementAndGet();
                        queue.done(key.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(overlaps.get()).isZero();
        assertThat(handled.get()).isBetween(3, 1000);
    }

    @Test
    void backoffDoublesPerFailureUpToTheCapAndResetsOnForget() {
        assertThat(queue.addRateLimited("ns/a")).isEqualTo(Duration.ofMillis(10));
        assertThat(queue.addRateLimited("ns/a")).isEqualTo(Duration.ofMillis(20));
        assertThat(queue.addRateLimited("ns/a")).isEqualTo(Duration.ofMillis(40));
        assertThat(queue.addRateLimited("ns/a")).isEqualTo(Duration.ofMillis(80));
        assertThat(queue.addRateLimited("ns/a")).as("capped").isEqualTo(Duration.ofMillis(80));
        queue.forget("ns/a");
        assertThat(queue.addRateLimited("ns/a")).isEqualTo(Duration.ofMillis(10));
        assertThat(queue.addRateLimited("ns/b")).as("per key").isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void backoffStaysAtTheCapAfterManyFailures() {
        for (int i = 0; i < 1_000; i++) {
            queue.addRateLimited("ns/a");
        }
        assertThat(queue.addRateLimited("ns/a")).isEqualTo(Duration.ofMillis(80));
    }

    @Test
    void keysComeOutInWakeUpOrderAndAnEventOverridesALaterPoll() throws Exception {
        queue.addAfter("ns/late", Duration.ofMillis(400));
        queue.addAfter("ns/soon", Duration.ofMillis(200));
        queue.addAfter("ns/polled", Duration.ofSeconds(60));
        queue.add("ns/polled"); // pod Ready: do not wait for the poll
        assertThat(queue.take(Duration.ofMillis(500))).contains("ns/polled");
        assertThat(queue.take(Duration.ofSeconds(5))).contains("ns/soon");
        assertThat(queue.take(Duration.ofSeconds(5))).contains("ns/late");
    }

    @Test
    void aLaterRequestDoesNotPostponeAnEarlierOne() throws Exception {
        queue.addAfter("ns/a", Duration.ofMillis(20));
        queue.addAfter("ns/a", Duration.ofSeconds(60));
        assertThat(queue.take(Duration.ofMillis(500))).contains("ns/a");
    }

    @Test
    void shutdownReleasesWaitingWorkers() throws Exception {
        Thread t = new Thread(queue::shutdown);
        t.start();
        assertThat(queue.take(Duration.ofSeconds(5))).isEmpty();
        assertThat(queue.isShutdown()).isTrue();
    }
}
