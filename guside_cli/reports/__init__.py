"""Pure computation of reports from the counts storage returns. Integers and Decimal: exactly 30 % is 30 %."""
