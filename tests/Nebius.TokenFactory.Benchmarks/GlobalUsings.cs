global using BenchmarkDotNet.Attributes;
