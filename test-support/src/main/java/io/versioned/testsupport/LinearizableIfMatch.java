package io.versioned.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Makes s3proxy's {@code If-Match} PutObject behave as on AWS S3, where a conditional write is atomic. Add it to
 * the client of every test whose writers race with {@code If-Match} on one key:
 *
 * <pre>{@code
 * S3Client client = S3ProxyServer.shared().clientBuilder()
 *         .overrideConfiguration(o -> o.addExecutionInterceptor(new LinearizableIfMatch()))
 *         .build();
 * }</pre>
 *
 * <p>s3proxy 4.1.0 checks {@code If-Match} in its HTTP handler and then writes unconditionally, so two
 * PutObjects racing with the same {@code If-Match} ETag can both succeed (measured: several winners in about
 * 10 % of 8-writer races), while {@code If-None-Match: *} is atomic (a hard link). This interceptor holds a
 * JVM-wide lock per bucket and key for the duration of each {@code If-Match} PutObject call, which makes the
 * server's check and write one step, exactly the guarantee S3 gives. It does not serialize read-modify-write
 * cycles: racing writers still read stale ETags and still get real 412 responses from the server, so
 * compare-and-set retries are exercised as they would be on S3. Every other request passes untouched.
 *
 * <p>The locks are shared by every instance in the JVM, so clients with their own instance still exclude each
 * other. Thread-safe; stateless apart from those locks.
 */
public final class LinearizableIfMatch implements ExecutionInterceptor {

    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<ReentrantLock> HELD = new ExecutionAttribute<>("if-match-lock");

    /** An interceptor sharing the JVM-wide locks of every other instance. */
    public LinearizableIfMatch() {
    }

    /** Takes the lock of the request's bucket and key if the request is a PutObject with {@code If-Match}. */
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutObjectRequest put && put.ifMatch() != null) {
            ReentrantLock lock = LOCKS.computeIfAbsent(put.bucket() + "/" + put.key(), key -> new ReentrantLock());
            lock.lock();
            attributes.putAttribute(HELD, lock);
        }
    }

    /** Releases the lock taken for this call, if any, once the call succeeded. */
    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        release(attributes);
    }

    /** Releases the lock taken for this call, if any, once the call failed. */
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
