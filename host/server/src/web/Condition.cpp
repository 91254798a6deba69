//
// Condition.cpp
//


#include "web/Condition.h"
#include <Poco/Exception.h>
#include <cctype>


namespace host {


namespace {

class Parser
{
public:
	Parser(const std::string& text, const Condition::Values& values):
		_text(text),
		_values(values)
	{}

	bool parse()
	{
		skip();
		if (_at == _text.size()) return true;
		const bool result = expression(0);
		skip();
		if (_at != _text.size()) fail("unexpected text");
		return result;
	}

private:
	bool expression(int depth)
	{
		if (depth > 32) fail("nested too deep");
		bool result = conjunction(depth);
		while (accept("||"))
			result = conjunction(depth) || result;
		return result;
	}

	bool conjunction(int depth)
	{
		bool result = term(depth);
		while (accept("&&"))
			result = term(depth) && result;
		return result;
	}

	bool term(int depth)
	{
		skip();
		if (accept("!")) return !term(depth + 1);
		if (accept("("))
		{
			const bool result = expression(depth + 1);
			if (!accept(")")) fail("a ( without its )");
			return result;
		}
		std::string name;
		while (_at < _text.size())
		{
			const unsigned char c = static_cast<unsigned char>(_text[_at]);
			if (!std::isalnum(c) && c != '_' && c != '-' && c != '.') break;
			name += static_cast<char>(c);
			++_at;
		}
		if (name.empty()) fail("a name is missing");
		auto it = _values.find(name);
		return it != _values.end() && (it->second == "1" || it->second == "true");
	}

	bool accept(const char* token)
	{
		skip();
		const std::string expected(token);
		if (_text.compare(_at, expected.size(), expected) != 0) return false;
		_at += expected.size();
		return true;
	}

	void skip()
	{
		while (_at < _text.size() && (_text[_at] == ' ' || _text[_at] == '\t'))
			++_at;
	}

	[[noreturn]] void fail(const std::string& what) const
	{
		throw Poco::SyntaxException("visibleWhen: " + what + " at " + std::to_string(_at), _text);
	}

	const std::string& _text;
	const Condition::Values& _values;
	std::size_t _at = 0;
};

} // namespace


bool Condition::holds(const std::string& condition, const Values& values)
{
	return Parser(condition, values).parse();
}


void Condition::check(const std::string& condition)
{
	holds(condition, {});
}


} // namespace host
