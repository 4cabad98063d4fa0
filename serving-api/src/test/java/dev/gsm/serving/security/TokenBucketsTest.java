package dev.gsm.serving.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aClientGetsItsBurstThenItsRateAndOthersAreCountedApart() {
    TokenBuckets b = new TokenBuckets(10, 3);
    long t = 5 * SECOND;
    assertThat(b.take("a", t).allowed()).isTrue();
    assertThat(b.take("a", t).allowed()).isTrue();
    TokenBuckets.Take third = b.take("a", t);
    assertThat(third.allowed()).isTrue();
    assertThat(third.remaining()).isZero();
    TokenBuckets.Take fourth = b.take("a", t);
    assertThat(fourth.allowed()).isFalse();
    assertThat(fourth.waitNanos()).isEqualTo(SECOND / 10);
    assertThat(b.take("b", t).allowed()).isTrue();
    assertThat(b.take("a", t + SECOND / 10).allowed()).isTrue(); // one token refilled
    assertThat(b.take("a", t + SECOND / 10).allowed()).isFalse();
  }

  @Test
  void aBucketNeverSavesMoreThanItsBurstAndIdleOnesAreSwept() {
    TokenBuckets b = new TokenBuckets(10, 3);
    b.take("a", 0);
    b.take("b", 0);
    long later = 100 * SECOND;
    b.take("b", later);
    b.sweep(later);
    assertThat(b.clients()).isEqualTo(1); // "a" refilled completely: dropped; "b" just took one
    for (int i = 0; i < 2; i++) {
      assertThat(b.take("b", later).allowed()).isTrue();
    }
    assertThat(b.take("b", later).allowed()).isFalse();
  }
}
