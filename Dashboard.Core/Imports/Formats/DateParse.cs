
namespace Dashboard.Core.Imports.Formats;

internal enum DateParse { Ok, WrongFormat, NoSuchDate }
