package io.versioned.adapter.s3only;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Makes s3proxy's {@code If-Match} PutObject behave as on AWS S3, where a conditional write is atomic.
 *
 * <p>s3proxy 4.1.0 checks {@code If-Match} in its HTTP handler and then writes unconditionally, so two
 * PutObjects racing with the same {@code If-Match} ETag can both succeed (measured here: several winners in
 * about 10 % of 8-writer races), while {@code If-None-Match: *} is atomic (a hard link). This interceptor holds
 * a JVM-wide lock per bucket and key for the duration of each {@code If-Match} PutObject call, which makes the
 * server's check and write one step, exactly the guarantee S3 gives. It does not serialize the port's
 * read-modify-write cycles: racing writers still read stale ETags and still get real 412 responses from the
 * server, so the port's compare-and-set retries are exercised as they would be on S3.
 */
final class LinearizableIfMatch implements ExecutionInterceptor {

    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<ReentrantLock> HELD = new ExecutionAttribute<>("if-match-lock");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutObjectRequest put && put.ifMatch() != null) {
            ReentrantLock lock = LOCKS.computeIfAbsent(put.bucket() + "/" + put.key(), key -> new ReentrantLock());
            lock.lock();
            attributes.putAttribute(HELD, lock);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    private static void release(ExecutionAttributes attributes) {
        ReentrantLock lock = attributes.getAttribute(HELD);
        if (lock != null && lock.isHeldByCurrentThread()) {
            attributes.putAttribute(HELD, null);
            lock.unlock();
        }
    }
}
