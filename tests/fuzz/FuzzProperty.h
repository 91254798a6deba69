//
// FuzzProperty.h
//
// A property every fuzz target states about the code it tests.
//


#ifndef Fuzz_FuzzProperty_INCLUDED
#define Fuzz_FuzzProperty_INCLUDED


#include <cstdio>


class FuzzProperty
/// require() stops the fuzzer on a broken property: it names the property
/// on stderr and traps, so that libFuzzer keeps the input as a crash.
{
public:
	static void require(bool holds, const char* property)
	{
		if (holds) return;
		std::fprintf(stderr, "property violated: %s\n", property);
		__builtin_trap();
	}
};


#endif // Fuzz_FuzzProperty_INCLUDED
