package dev.gsm.batch.rankings;

/** A stable merge sort of int indices with a primitive comparator: no boxing of a million ints. */
final class RankSort {

  interface IntComparator {
    int compare(int a, int b);
  }

  private RankSort() {}

  static void sort(int[] a, IntComparator c) {
    int[] tmp = a.clone();
    sort(tmp, a, 0, a.length, c);
  }

  /** Sorts src[lo..hi) into dst[lo..hi); both start with the same content. */
  private static void sort(int[] src, int[] dst, int lo, int hi, IntComparator c) {
    if (hi - lo < 24) {
      for (int i = lo + 1; i < hi; i++) {
        int v = dst[i];
        int j = i - 1;
        while (j >= lo && c.compare(dst[j], v) > 0) {
          dst[j + 1] = dst[j];
          j--;
        }
        dst[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    sort(dst, src, lo, mid, c);
    sort(dst, src, mid, hi, c);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && c.compare(src[i], src[j]) <= 0)) {
        dst[k] = src[i++];
      } else {
        dst[k] = src[j++];
      }
    }
  }
}
