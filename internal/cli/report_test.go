package cli

import "testing"

func TestWorst(t *testing.T) {
	tests := []struct{ a, b, want int }{
		{ExitOK, ExitErrors, ExitErrors},
		{ExitUsage, ExitErrors, ExitUsage},
		{ExitErrors, ExitInterrupted, ExitInterrupted},
		{ExitOK, ExitOK, ExitOK},
	}
	for _, tt := range tests {
		if got := worst(tt.a, tt.b); got != tt.want {
			t.Errorf("worst(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
