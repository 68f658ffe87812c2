
namespace Dashboard.Core.Imports.Formats;

internal enum AmountParse { Ok, NotANumber, Negative, ThousandsSeparator, TooManyDecimals, TooLarge }
