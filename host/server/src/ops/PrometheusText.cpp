//
// PrometheusText.cpp
//


#include "ops/PrometheusText.h"
#include "erp/Utf8.h"
#include <Poco/Exception.h>
#include <cmath>
#include <cstdio>


namespace host {


const std::string PrometheusText::CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";


namespace {

bool nameCharacter(char c, bool first, bool colon)
{
	const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
	return letter || (!first && c >= '0' && c <= '9');
}

std::string validUtf8(const std::string& text)
/// Bad bytes become U+FFFD.
{
	std::string result;
	for (std::size_t pos = 0; pos < text.size();)
	{
		const std::size_t begin = pos;
		if (erp::Utf8::decode(text, pos))
			result.append(text, begin, pos - begin);
		else
		{
			result += "\xEF\xBF\xBD";
			++pos;
		}
	}
	return result;
}

} // namespace


bool PrometheusText::isMetricName(const std::string& name)
{
	if (name.empty()) return false;
	for (std::size_t i = 0; i < name.size(); ++i)
		if (!nameCharacter(name[i], i == 0, true)) return false;
	return true;
}


bool PrometheusText::isLabelName(const std::string& name)
{
	if (name.empty() || name.compare(0, 2, "__") == 0) return false;
	for (std::size_t i = 0; i < name.size(); ++i)
		if (!nameCharacter(name[i], i == 0, false)) return false;
	return true;
}


std::string PrometheusText::formatValue(double value)
{
	if (std::isnan(value)) return "NaN";
	if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
	if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
	char buffer[64];
	std::snprintf(buffer, sizeof(buffer), "%.17g", value);
	return buffer;
}


std::string PrometheusText::escape(const std::string& text, bool quotes)
{
	std::string result;
	for (const char c: validUtf8(text))
	{
		if (c == '\\')
			result += "\\\\";
		else if (c == '\n')
			result += "\\n";
		else if (c == '"' && quotes)
			result += "\\\"";
		else
			result += c;
	}
	return result;
}


void PrometheusText::family(const std::string& name, const std::string& type, const std::string& help)
{
	if (!isMetricName(name)) throw Poco::InvalidArgumentException("not a metric name", name);
	if (type != "counter" && type != "gauge" && type != "summary" && type != "untyped")
		throw Poco::InvalidArgumentException("not a metric type", type);
	if (!_families.insert(name).second) throw Poco::ExistsException("metric family written twice", name);
	_current = name;
	_currentType = type;
	_out << "# HELP " << name << ' ' << escape(help, false) << '\n';
	_out << "# TYPE " << name << ' ' << type << '\n';
}


void PrometheusText::sample(const std::string& name, const Labels& labels, double value)
{
	const bool ownName = name == _current;
	const bool summaryPart = _currentType == "summary" && (name == _current + "_sum" || name == _current + "_count");
	if (_current.empty() || (!ownName && !summaryPart))
		throw Poco::InvalidArgumentException("a sample outside its family", name);
	_out << name;
	if (!labels.empty())
	{
		_out << '{';
		bool first = true;
		for (const auto& [label, text]: labels)
		{
			if (!isLabelName(label)) throw Poco::InvalidArgumentException("not a label name", label);
			_out << (first ? "" : ",") << label << "=\"" << escape(text, true) << '"';
			first = false;
		}
		_out << '}';
	}
	_out << ' ' << formatValue(value) << '\n';
}


std::string PrometheusText::str() const
{
	return _out.str();
}


} // namespace host
