package org.shegong.system.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Counts and times the runs of scheduled jobs for the metrics: {@code shegong.jobs.runs} (a counter, by job and
 * outcome: success, failure, or skipped because another node holds the job's lease) and
 * {@code shegong.jobs.duration} (a timer of the runs that happened, by job and outcome). Spring's own
 * {@code tasks.scheduled.execution} times every {@code @Scheduled} method, skipped or not; this one says what the
 * job did.
 */
@Component
public class JobRuns {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String SKIPPED = "skipped";

    private final MeterRegistry meters;

    public JobRuns(MeterRegistry meters) {
        this.meters = meters;
    }

    /** For code that runs jobs outside the application (tests, tools): counts go nowhere anyone reads. */
    static JobRuns unobserved() {
        return new JobRuns(new SimpleMeterRegistry());
    }

    /** Runs the job and records it; a failure is recorded and thrown on. */
    public <T> T record(String job, Supplier<T> run) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = FAILURE;
        try {
            T result = run.get();
            outcome = SUCCESS;
            return result;
        } finally {
            sample.stop(Timer.builder("shegong.jobs.duration").description("Runs of scheduled jobs")
                    .tags("job", job, "outcome", outcome).register(meters));
            count(job, outcome);
        }
    }

    /** Records that this node left a run to the node holding the job's lease. */
    public void skipped(String job) {
        count(job, SKIPPED);
    }

    private void count(String job, String outcome) {
        Counter.builder("shegong.jobs.runs").description("Scheduled job runs by outcome")
                .tags("job", job, "outcome", outcome).register(meters).increment();
    }
}
