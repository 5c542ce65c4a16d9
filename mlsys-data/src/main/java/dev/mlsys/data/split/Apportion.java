package dev.mlsys.data.split;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact integer sizes from fractions. Stateless.
 *
 * <p>{@link #sizes} is the largest-remainder (Hamilton) method. {@link #table} rounds a table of
 * class-by-part quotas so that every row sums to its class count and every column to its part
 * size, moving each cell by less than one from its quota (controlled rounding: Cox and Ernst,
 * "Controlled rounding", INFOR 20(4), 1982). Largest remainders are taken first; when they
 * conflict, augmenting paths over the cells with a remainder restore feasibility, which always
 * exists because the fractional remainders form a feasible flow.
 */
final class Apportion {
  private Apportion() {}

  /**
   * @param n the total
   * @param fractions non-negative, summing to 1
   * @return sizes summing to {@code n}, each within 1 of {@code n * fraction}; ties of the
   *     remainder go to the earlier part
   */
  static int[] sizes(int n, double[] fractions) {
    int k = fractions.length;
    int[] out = new int[k];
    double[] rem = new double[k];
    int given = 0;
    for (int i = 0; i < k; i++) {
      double quota = n * fractions[i];
      out[i] = (int) Math.floor(quota);
      rem[i] = quota - out[i];
      given += out[i];
    }
    // floating error can only make the floors sum one below or above n around exact quotas
    while (given > n) {
      int i = smallestRemainder(out, rem);
      out[i]--;
      given--;
    }
    Integer[] order = new Integer[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -rem[i]).thenComparingInt(i -> i));
    for (int j = 0; given < n; j = (j + 1) % k) {
      out[order[j]]++;
      given++;
    }
    return out;
  }

  private static int smallestRemainder(int[] out, double[] rem) {
    int best = -1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] > 0 && (best < 0 || rem[i] < rem[best])) {
        best = i;
      }
    }
    return best;
  }

  /**
   * @param rowTotals the class counts, summing to {@code n}
   * @param columnTotals the part sizes, summing to {@code n}
   * @return cells {@code [class][part]} with the given row and column sums, each the floor or
   *     the ceiling of its quota {@code rowTotals[i] * columnTotals[j] / n}
   */
  static int[][] table(int[] rowTotals, int[] columnTotals) {
    long n = 0;
    for (int r : rowTotals) {
      n += r;
    }
    int rows = rowTotals.length;
    int cols = columnTotals.length;
    int[][] cell = new int[rows][cols];
    long[][] rem = new long[rows][cols];
    int[] rowNeed = rowTotals.clone();
    int[] colNeed = columnTotals.clone();
    List<int[]> fractional = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        long q = (long) rowTotals[i] * columnTotals[j];
        cell[i][j] = (int) (q / n);
        rem[i][j] = q % n; // the exact remainder, over the common denominator n
        rowNeed[i] -= cell[i][j];
        colNeed[j] -= cell[i][j];
        if (rem[i][j] > 0) {
          fractional.add(new int[] {i, j});
        }
      }
    }
    fractional.sort(Comparator.<int[]>comparingLong(c -> -rem[c[0]][c[1]])
        .thenComparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
    boolean[][] raised = new boolean[rows][cols];
    for (int[] c : fractional) {
      if (rowNeed[c[0]] > 0 && colNeed[c[1]] > 0) {
        raised[c[0]][c[1]] = true;
        rowNeed[c[0]]--;
        colNeed[c[1]]--;
      }
    }
    for (int i = 0; i < rows; i++) {
      while (rowNeed[i] > 0) {
        if (!augment(i, rem, raised, colNeed)) {
          throw new AssertionError("controlled rounding found no augmenting path; quotas are inconsistent");
        }
        rowNeed[i]--;
      }
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (raised[i][j]) {
          cell[i][j]++;
        }
      }
    }
    return cell;
  }

  /**
   * Breadth-first search from class {@code start} for a part that still needs a unit, moving
   * along cells that can be raised (class to part) and cells already raised (part to class).
   */
  private static boolean augment(int start, long[][] rem, boolean[][] raised, int[] colNeed) {
    int rows = rem.length;
    int cols = colNeed.length;
    int[] parentOfCol = new int[cols];
    int[] parentOfRow = new int[rows];
    Arrays.fill(parentOfCol, -1);
    Arrays.fill(parentOfRow, -1);
    boolean[] seenRow = new boolean[rows];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    seenRow[start] = true;
    while (!queue.isEmpty()) {
      int i = queue.poll();
      for (int j = 0; j < cols; j++) {
        if (rem[i][j] == 0 || raised[i][j] || parentOfCol[j] >= 0) {
          continue;
        }
        parentOfCol[j] = i;
        if (colNeed[j] > 0) {
          // flip the path: raise class->part steps, lower part->class steps
          colNeed[j]--;
          int col = j;
          while (true) {
            int row = parentOfCol[col];
            raised[row][col] = true;
            if (row == start) {
              return true;
            }
            int previousCol = parentOfRow[row];
            raised[row][previousCol] = false;
            col = previousCol;
          }
        }
        for (int r = 0; r < rows; r++) {
          if (!seenRow[r] && raised[r][j]) {
            seenRow[r] = true;
            parentOfRow[r] = j;
            queue.add(r);
          }
        }
      }
    }
    return false;
  }
}
